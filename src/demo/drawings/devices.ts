import { shadow, text } from './svg.ts';

/** A handheld laser comb: a handle, a head of teeth and a row of red diodes between them. */
export function laserComb(o: { brand: string; name: string }): string {
  const teeth = Array.from({ length: 14 }, (_, i) => `<rect x="${196 + i * 18}" y="250" width="8" height="52" rx="4" fill="#d8dde3"/>`);
  const diodes = Array.from({ length: 13 }, (_, i) => `<circle cx="${209 + i * 18}" cy="262" r="5" fill="#e53935"/><circle cx="${209 + i * 18}" cy="262" r="10" fill="#e53935" fill-opacity="0.25"/>`);
  return [
    shadow(320, 440),
    // The charging stand.
    `<path d="M390 408 L420 360 L560 360 L590 408 Z" fill="#b9c1ca"/>`,
    `<rect x="430" y="350" width="120" height="14" rx="7" fill="#8d97a3"/>`,
    // The comb, tilted as if resting on its stand.
    `<g transform="rotate(-8 320 260)">`,
    `<rect x="60" y="226" width="170" height="44" rx="22" fill="#f4f6f8" stroke="#c9d0d8" stroke-width="2"/>`,
    `<rect x="180" y="200" width="300" height="56" rx="16" fill="#ffffff" stroke="#c9d0d8" stroke-width="2"/>`,
    ...teeth,
    ...diodes,
    text(330, 234, o.brand.toUpperCase(), { size: 16, fill: '#5b6b7c', weight: 700 }),
    text(146, 254, o.name, { size: 13, fill: '#5b6b7c' }),
    `</g>`,
  ].join('\n');
}

/** A microneedling pen lying diagonally: grip, depth dial and a clear cartridge at the tip. */
export function microneedlingPen(o: { brand: string }): string {
  return [
    shadow(320, 460),
    `<g transform="rotate(-18 320 300)">`,
    `<rect x="110" y="278" width="380" height="48" rx="24" fill="#3d434b"/>`,
    `<rect x="130" y="284" width="300" height="10" rx="5" fill="#fff" fill-opacity="0.18"/>`,
    `<rect x="380" y="272" width="40" height="60" rx="8" fill="#2a2f35"/>`,
    ...[0, 1, 2, 3].map((i) => `<rect x="${386 + i * 8}" y="274" width="3" height="56" fill="#59616b"/>`),
    `<path d="M490 284 L560 292 L560 312 L490 320 Z" fill="#cfe8f3" fill-opacity="0.9" stroke="#9cc5d6" stroke-width="2"/>`,
    `<rect x="556" y="296" width="8" height="12" fill="#9aa3ad"/>`,
    `<circle cx="180" cy="302" r="9" fill="#4fc3f7"/>`,
    text(290, 308, o.brand.toUpperCase(), { size: 16, fill: '#e9edf1', weight: 700 }),
    `</g>`,
  ].join('\n');
}

/** Ice cubes for refrigerated products. */
export function iceBed(cx: number): string {
  return [-150, -100, 90, 140, -40, 40]
    .map((dx, i) => `<rect x="${cx + dx - 24}" y="${376 - (i % 2) * 10}" width="48" height="40" rx="8" fill="#e3f4fb" stroke="#b5dcec" stroke-width="2" transform="rotate(${(i * 17) % 30 - 15} ${cx + dx} 396)"/>`)
    .join('\n');
}

/** Small loose items in front of a container: gummies, tablets or capsules. */
export function scatter(kind: 'gummy' | 'tablet' | 'capsule', cx: number, colour: string): string {
  const spots = [
    [cx - 170, 392], [cx - 136, 400], [cx + 140, 396], [cx + 176, 390],
  ] as const;
  return spots
    .map(([x, y], i) => {
      if (kind === 'gummy') return `<path d="M${x - 14} ${y} q0 -20 14 -20 q14 0 14 20 q0 8 -14 8 q-14 0 -14 -8 Z" fill="${colour}" transform="rotate(${i * 25 - 30} ${x} ${y})"/>`;
      if (kind === 'tablet') return `<ellipse cx="${x}" cy="${y}" rx="14" ry="8" fill="${colour}" stroke="#d5d9de" stroke-width="2"/>`;
      return `<rect x="${x - 18}" y="${y - 8}" width="36" height="16" rx="8" fill="${colour}" stroke="#d5d9de" stroke-width="2" transform="rotate(${i * 30 - 20} ${x} ${y})"/>`;
    })
    .join('\n');
}
