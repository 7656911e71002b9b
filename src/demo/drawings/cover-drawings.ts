import { shadow, text } from './svg.ts';

type Drawing = { background: [string, string]; body: string };

function hairStrands(x0: number, count: number, colour: string): string {
  return Array.from({ length: count }, (_, i) => {
    const x = x0 + i * 14;
    return `<path d="M${x} 400 C${x - 10} 340 ${x + 18} 300 ${x + 4} ${230 + (i % 3) * 12}" stroke="${colour}" stroke-width="4" fill="none" stroke-linecap="round"/>`;
  }).join('\n');
}

/** Article covers, by the file name the article refers to. */
export const COVER_DRAWINGS: Record<string, () => Drawing> = {
  'cover-exosome-hair-therapy': () => ({
    background: ['#f3eefb', '#e2d7f4'],
    body: [
      `<rect x="0" y="400" width="640" height="80" fill="#e9c9b0"/>`,
      hairStrands(360, 18, '#4e342e'),
      shadow(170, 120),
      `<rect x="120" y="190" width="100" height="218" rx="16" fill="#eef2f8"/>`,
      `<rect x="120" y="300" width="100" height="108" rx="16" fill="#7e57c2" fill-opacity="0.3"/>`,
      `<rect x="130" y="140" width="80" height="54" rx="6" fill="#6a3fb5"/>`,
      ...[[250, 250, 9], [284, 224, 7], [312, 262, 11], [340, 214, 6], [300, 190, 8], [266, 300, 6], [350, 286, 9]].map(
        ([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" fill="#9575cd" fill-opacity="0.85"/><circle cx="${x! - 2}" cy="${y! - 2}" r="${r! / 3}" fill="#fff" fill-opacity="0.6"/>`,
      ),
      text(320, 70, 'Exosome hair therapy', { size: 30, fill: '#3a2470', weight: 700 }),
    ].join('\n'),
  }),
  'cover-prp-aftercare': () => ({
    background: ['#fff5ec', '#fbe3cc'],
    body: [
      shadow(300, 140),
      `<rect x="250" y="110" width="100" height="290" rx="46" fill="#ffffff" stroke="#d7c4b0" stroke-width="4"/>`,
      `<rect x="254" y="250" width="92" height="146" rx="42" fill="#b71c1c"/>`,
      `<rect x="254" y="150" width="92" height="104" fill="#f5c04a"/>`,
      `<rect x="240" y="90" width="120" height="32" rx="8" fill="#8d6e63"/>`,
      `<path d="M470 240 C470 270 440 300 440 320 A30 30 0 0 0 500 320 C500 300 470 270 470 240 Z" fill="#c62828"/>`,
      text(320, 60, 'PRP aftercare', { size: 30, fill: '#6d3b12', weight: 700 }),
    ].join('\n'),
  }),
  'cover-fda-approved-vs-cleared': () => ({
    background: ['#eef5f0', '#d7e9dc'],
    body: [
      shadow(320, 300),
      `<rect x="190" y="90" width="260" height="318" rx="14" fill="#a1887f"/>`,
      `<rect x="210" y="120" width="220" height="272" rx="6" fill="#ffffff"/>`,
      `<rect x="270" y="76" width="100" height="36" rx="8" fill="#78909c"/>`,
      ...['Approved', 'Cleared', 'Cosmetic'].flatMap((word, i) => [
        `<rect x="232" y="${160 + i * 70}" width="34" height="34" rx="6" fill="none" stroke="#2e7d32" stroke-width="4"/>`,
        `<path d="M238 ${178 + i * 70} l8 9 l16 -20" stroke="#2e7d32" stroke-width="5" fill="none" stroke-linecap="round"/>`,
        text(284, 184 + i * 70, word, { size: 24, fill: '#1f2a36', anchor: 'start', weight: 600 }),
      ]),
    ].join('\n'),
  }),
};
