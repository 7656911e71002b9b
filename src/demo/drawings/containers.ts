import { FLOOR, label, shadow } from './svg.ts';

export type Colours = { body: string; cap: string; paper: string; ink: string; accent: string };
export type Container = { cx: number; colours: Colours; lines: string[]; scale?: number };

function scaled(c: Container, draw: string): string {
  const s = c.scale ?? 1;
  if (s === 1) return draw;
  // Scale about the point where the container stands, so it stays on the floor.
  return `<g transform="translate(${c.cx} ${FLOOR}) scale(${s}) translate(${-c.cx} ${-FLOOR})">${draw}</g>`;
}

/** A glass bottle with a rubber-bulb dropper: serums and solutions. */
export function dropperBottle(c: Container): string {
  const { cx, colours: k } = c;
  return scaled(c, [
    shadow(cx, 150),
    `<rect x="${cx - 70}" y="190" width="140" height="218" rx="22" fill="${k.body}"/>`,
    `<rect x="${cx - 28}" y="160" width="56" height="40" rx="6" fill="${k.body}"/>`,
    `<rect x="${cx - 34}" y="128" width="68" height="40" rx="6" fill="${k.cap}"/>`,
    `<path d="M${cx - 20} 128 C${cx - 24} 70 ${cx + 24} 70 ${cx + 20} 128 Z" fill="${k.cap}"/>`,
    `<rect x="${cx - 56}" y="200" width="26" height="196" rx="12" fill="url(#shine)"/>`,
    label(cx, 250, 120, 110, { ...k, lines: c.lines }),
  ].join('\n'));
}

/** A tall bottle with a pump head: cleansers and airless serums. */
export function pumpBottle(c: Container): string {
  const { cx, colours: k } = c;
  return scaled(c, [
    shadow(cx, 140),
    `<rect x="${cx - 62}" y="150" width="124" height="258" rx="18" fill="${k.body}"/>`,
    `<rect x="${cx - 24}" y="118" width="48" height="36" rx="4" fill="${k.cap}"/>`,
    `<rect x="${cx - 8}" y="82" width="16" height="40" fill="${k.cap}"/>`,
    `<path d="M${cx - 30} 70 h76 a8 8 0 0 1 0 16 h-76 a8 8 0 0 1 0 -16 Z" fill="${k.cap}"/>`,
    `<rect x="${cx - 50}" y="160" width="22" height="236" rx="10" fill="url(#shine)"/>`,
    label(cx, 230, 108, 116, { ...k, lines: c.lines }),
  ].join('\n'));
}

/** A squeezable bottle standing on a flip-top cap. */
export function flipCapBottle(c: Container): string {
  const { cx, colours: k } = c;
  return scaled(c, [
    shadow(cx, 150),
    `<path d="M${cx - 60} 120 Q${cx} 96 ${cx + 60} 120 L${cx + 72} 360 L${cx - 72} 360 Z" fill="${k.body}"/>`,
    `<rect x="${cx - 76}" y="356" width="152" height="52" rx="12" fill="${k.cap}"/>`,
    `<rect x="${cx - 50}" y="130" width="20" height="220" rx="10" fill="url(#shine)"/>`,
    label(cx, 180, 116, 116, { ...k, lines: c.lines }),
  ].join('\n'));
}

/** A wide jar with a screw lid: gummies. */
export function jar(c: Container): string {
  const { cx, colours: k } = c;
  return scaled(c, [
    shadow(cx, 220),
    `<rect x="${cx - 100}" y="210" width="200" height="198" rx="26" fill="${k.body}"/>`,
    `<rect x="${cx - 92}" y="168" width="184" height="50" rx="10" fill="${k.cap}"/>`,
    ...[0, 1, 2, 3, 4, 5].map((i) => `<rect x="${cx - 84 + i * 30}" y="172" width="6" height="42" rx="3" fill="#000" fill-opacity="0.08"/>`),
    `<rect x="${cx - 86}" y="222" width="26" height="174" rx="12" fill="url(#shine)"/>`,
    label(cx, 246, 160, 116, { ...k, lines: c.lines }),
  ].join('\n'));
}

/** A pharmacy bottle with a ridged child-proof cap: tablets and capsules. */
export function pillBottle(c: Container): string {
  const { cx, colours: k } = c;
  return scaled(c, [
    shadow(cx, 170),
    `<rect x="${cx - 74}" y="188" width="148" height="220" rx="16" fill="${k.body}"/>`,
    `<rect x="${cx - 80}" y="132" width="160" height="62" rx="8" fill="${k.cap}"/>`,
    ...Array.from({ length: 9 }, (_, i) => `<rect x="${cx - 72 + i * 17}" y="138" width="5" height="50" rx="2" fill="#000" fill-opacity="0.1"/>`),
    `<rect x="${cx - 62}" y="198" width="22" height="198" rx="10" fill="url(#shine)"/>`,
    label(cx, 232, 132, 120, { ...k, lines: c.lines }),
  ].join('\n'));
}

/** A small glass vial with a crimped cap. */
export function vial(c: Container): string {
  const { cx, colours: k } = c;
  return scaled(c, [
    shadow(cx, 110),
    `<rect x="${cx - 48}" y="196" width="96" height="212" rx="14" fill="${k.body}" fill-opacity="0.85"/>`,
    `<rect x="${cx - 48}" y="300" width="96" height="108" rx="14" fill="${k.accent}" fill-opacity="0.25"/>`,
    `<rect x="${cx - 30}" y="172" width="60" height="28" fill="${k.body}"/>`,
    `<rect x="${cx - 40}" y="128" width="80" height="48" rx="6" fill="${k.cap}"/>`,
    `<rect x="${cx - 38}" y="204" width="16" height="196" rx="8" fill="url(#shine)"/>`,
    label(cx, 226, 84, 92, { ...k, lines: c.lines }),
  ].join('\n'));
}

/** A soft tube lying on its side, cap to the right. */
export function tube(c: Container): string {
  const { cx, colours: k } = c;
  return scaled(c, [
    shadow(cx, 380),
    `<path d="M${cx - 190} 300 L${cx - 176} 272 L${cx + 120} 286 L${cx + 120} 386 L${cx - 176} 400 L${cx - 190} 372 Z" fill="${k.body}"/>`,
    `<rect x="${cx + 116}" y="300" width="30" height="72" rx="4" fill="${k.body}"/>`,
    `<rect x="${cx + 142}" y="304" width="48" height="64" rx="8" fill="${k.cap}"/>`,
    `<rect x="${cx - 190}" y="300" width="14" height="72" fill="#000" fill-opacity="0.08"/>`,
    label(cx - 30, 292, 220, 96, { ...k, lines: c.lines }),
  ].join('\n'));
}

/** A box seen from the front with its lid line, optionally showing what is inside. */
export function box(c: Container & { contents?: string }): string {
  const { cx, colours: k } = c;
  return scaled(c, [
    shadow(cx, 320),
    `<rect x="${cx - 150}" y="188" width="300" height="220" rx="8" fill="${k.body}"/>`,
    `<path d="M${cx - 150} 188 L${cx - 120} 150 L${cx + 180} 150 L${cx + 150} 188 Z" fill="${k.cap}"/>`,
    `<path d="M${cx + 150} 188 L${cx + 180} 150 L${cx + 180} 370 L${cx + 150} 408 Z" fill="#000" fill-opacity="0.15"/>`,
    c.contents ?? '',
    label(cx - 10, 214, 220, 120, { ...k, lines: c.lines }),
  ].join('\n'));
}
