/** Escapes text for SVG content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const WIDTH = 640;
export const HEIGHT = 480;
export const FLOOR = 408;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

/**
 * A complete 640x480 drawing. Presentation attributes only, no style elements: the store's CSP forbids inline
 * styles, and attributes keep the file valid when opened on its own.
 */
export function svgDocument(o: { title: string; background: [string, string]; body: string }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="t">
<title id="t">${esc(o.title)}</title>
<defs>
<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${o.background[0]}"/><stop offset="1" stop-color="${o.background[1]}"/></linearGradient>
<linearGradient id="shine" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#fff" stop-opacity="0"/><stop offset="0.5" stop-color="#fff" stop-opacity="0.35"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient>
</defs>
<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#bg)"/>
<rect y="${FLOOR}" width="${WIDTH}" height="${HEIGHT - FLOOR}" fill="#000" fill-opacity="0.05"/>
${o.body}
</svg>
`;
}

export function shadow(cx: number, width: number): string {
  return `<ellipse cx="${cx}" cy="${FLOOR}" rx="${width / 2}" ry="10" fill="#000" fill-opacity="0.12"/>`;
}

export function text(x: number, y: number, content: string, o: { size: number; fill: string; weight?: number; anchor?: string }): string {
  return `<text x="${x}" y="${y}" ${FONT} font-size="${o.size}" font-weight="${o.weight ?? 400}" fill="${o.fill}" text-anchor="${o.anchor ?? 'middle'}">${esc(content)}</text>`;
}

/** A paper label with up to three lines: brand (small), name (bold), detail (small). */
export function label(cx: number, y: number, w: number, h: number, o: { paper: string; ink: string; accent: string; lines: string[] }): string {
  const [brand = '', name = '', detail = ''] = o.lines;
  const nameSize = Math.min(22, Math.floor((w - 16) / Math.max(6, name.length) * 1.8));
  return [
    `<rect x="${cx - w / 2}" y="${y}" width="${w}" height="${h}" rx="6" fill="${o.paper}"/>`,
    `<rect x="${cx - w / 2}" y="${y}" width="${w}" height="8" rx="3" fill="${o.accent}"/>`,
    text(cx, y + 28, brand.toUpperCase(), { size: 11, fill: o.accent, weight: 700 }),
    text(cx, y + 28 + nameSize + 6, name, { size: nameSize, fill: o.ink, weight: 700 }),
    detail ? text(cx, y + 28 + nameSize + 26, detail, { size: 11, fill: o.ink }) : '',
  ].join('\n');
}
