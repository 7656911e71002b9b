import { box, dropperBottle, flipCapBottle, jar, pillBottle, pumpBottle, tube, vial, type Colours } from './containers.ts';
import { iceBed, laserComb, microneedlingPen, scatter } from './devices.ts';

type Drawing = { background: [string, string]; body: string };

const paper = '#fffdf8';
const ink = '#1f2a36';
const colours = (body: string, cap: string, accent: string, extra: Partial<Colours> = {}): Colours => ({
  body, cap, accent, paper, ink, ...extra,
});

/** How each demo product is drawn, by slug; the alt text of each lives with the product's data. */
export const PRODUCT_DRAWINGS: Record<string, () => Drawing> = {
  'laser-hair-comb': () => ({ background: ['#eef3f8', '#dfe7ef'], body: laserComb({ brand: 'Lumifol', name: 'Laser comb' }) }),
  'microneedling-pen': () => ({ background: ['#f1f1f4', '#dedfe6'], body: microneedlingPen({ brand: 'Dermaline' }) }),
  'microneedling-cartridges': () => ({
    background: ['#eaf1fb', '#d6e3f5'],
    body: box({
      cx: 300,
      colours: colours('#1e63b8', '#2f78cf', '#1e63b8'),
      lines: ['Dermaline', '12-needle cartridges', 'Sterile, box of 10'],
      contents: `<rect x="470" y="300" width="90" height="100" rx="8" fill="#ffffff" fill-opacity="0.7" stroke="#9cb8dc" stroke-width="2"/><rect x="505" y="316" width="20" height="68" rx="6" fill="#cfe8f3" stroke="#7fb0c9" stroke-width="2"/>`,
    }),
  }),
  'minoxidil-5-topical-solution': () => {
    const k = colours('#1d3557', '#f4f6f8', '#1d3557');
    return {
      background: ['#edf2f9', '#dbe4f1'],
      body: [160, 320, 480]
        .map((cx) => dropperBottle({ cx, colours: k, lines: ['Harbor Generics', 'Minoxidil 5%', 'Topical solution'], scale: 0.82 }))
        .join('\n'),
    };
  },
  'finasteride-1mg-tablets': () => ({
    background: ['#f3f5f7', '#e2e6ea'],
    body: pillBottle({ cx: 320, colours: colours('#fafafa', '#f2f2f2', '#c62828'), lines: ['Harbor Generics', 'Finasteride 1 mg', 'Rx only - 90 tablets'] }) +
      scatter('tablet', 320, '#ffffff'),
  }),
  'ketoconazole-2-shampoo': () => ({
    background: ['#fdf0ec', '#f6dcd4'],
    body: flipCapBottle({ cx: 320, colours: colours('#e4572e', '#f7f7f7', '#b23a17'), lines: ['Harbor Generics', 'Ketoconazole 2%', 'Rx shampoo'] }),
  }),
  'caffeine-peptide-scalp-serum': () => ({
    background: ['#f7f3ea', '#ebe2cf'],
    body: dropperBottle({ cx: 320, colours: colours('#dfe4e3', '#c9a227', '#a47f12'), lines: ['Crown & Scalp', 'Caffeine + Peptide', 'Scalp serum'] }),
  }),
  'thickening-shampoo': () => ({
    background: ['#eff5ef', '#dbe8dc'],
    body: pumpBottle({ cx: 320, colours: colours('#8fb996', '#4d7c57', '#3f6b49'), lines: ['Crown & Scalp', 'Thickening', 'Volumizing shampoo'] }),
  }),
  'pep-factor': () => ({
    background: ['#e8f6f5', '#cfeae8'],
    body: pumpBottle({ cx: 320, colours: colours('#138a85', '#0e5f5b', '#0e6e69'), lines: ['Cellora Labs', 'PEP Factor', 'bFGF + copper'] }),
  }),
  'exosome-hair-vial': () => ({
    background: ['#f1edf9', '#e0d8f2'],
    body: iceBed(320) + vial({ cx: 320, colours: colours('#e9eef5', '#6a3fb5', '#6a3fb5'), lines: ['Quillon', 'Exosome 200B', 'Keep cold'] }),
  }),
  'prp-kit': () => ({
    background: ['#fbeeee', '#f2d9d9'],
    body: box({
      cx: 300,
      colours: colours('#ffffff', '#eceff2', '#b71c1c', { paper: '#f7f9fb' }),
      lines: ['Centrivo', 'PRP Preparation Kit', 'Tube, syringe, needle'],
      contents: `<rect x="470" y="250" width="26" height="150" rx="10" fill="#fbe9e7" stroke="#c62828" stroke-width="2"/><rect x="470" y="320" width="26" height="80" rx="10" fill="#c62828"/><rect x="466" y="238" width="34" height="20" rx="4" fill="#c62828"/>`,
    }),
  }),
  'hyaluronic-acid-serum': () => ({
    background: ['#eef6fc', '#d8eaf7'],
    body: dropperBottle({ cx: 320, colours: colours('#e8f3fb', '#2b2b2b', '#3d8bd4'), lines: ['Verity Skin', 'Hyaluronic Acid', 'Hydrating serum'] }),
  }),
  'recovery-balm': () => ({
    background: ['#fdf3ee', '#f6e1d6'],
    body: tube({ cx: 320, colours: colours('#fbfbfb', '#f3b08f', '#d9774c'), lines: ['Verity Skin', 'Recovery Balm', 'After procedures'] }),
  }),
  'growth-factor-serum': () => ({
    background: ['#f6f1e8', '#e9dcc6'],
    body: iceBed(320) + dropperBottle({ cx: 320, colours: colours('#a0602a', '#c0c5cc', '#7a4a20'), lines: ['Auxera', 'Growth Factor', 'Serum, keep cold'] }),
  }),
  'hair-supplement-gummies': () => ({
    background: ['#fdf0f4', '#f6dbe4'],
    body: jar({ cx: 320, colours: colours('#ffffff', '#e58aa6', '#2e7d32'), lines: ['Northleaf Nutrition', 'Hair Gummies', 'Vitamins + minerals'] }) +
      scatter('gummy', 320, '#ec7fa3'),
  }),
  'biotin-10000-capsules': () => ({
    background: ['#fbf4e6', '#f1e3c3'],
    body: pillBottle({ cx: 320, colours: colours('#b86b12', '#f4efe6', '#2e7d32'), lines: ['Northleaf Nutrition', 'Biotin 10,000 mcg', '120 capsules'] }) +
      scatter('capsule', 320, '#ffffff'),
  }),
};
