import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ARTICLES, DEMO_PRODUCTS } from './demo-data.ts';
import { COVER_DRAWINGS } from './drawings/cover-drawings.ts';
import { PRODUCT_DRAWINGS } from './drawings/product-drawings.ts';
import { svgDocument } from './drawings/svg.ts';

/**
 * The demo store's pictures, drawn in code because nothing may be downloaded: file name -> SVG text, each with
 * the same title as the alt text the pages give it. `node src/demo/draw-images.ts` writes them to
 * src/web/assets/demo/, where they are committed and served.
 */
export function drawDemoImages(): Map<string, string> {
  const files = new Map<string, string>();
  for (const product of DEMO_PRODUCTS) {
    const draw = PRODUCT_DRAWINGS[product.slug];
    if (!draw) throw new Error(`No drawing for the demo product ${product.slug}`);
    files.set(`${product.slug}.svg`, svgDocument({ title: product.imageAlt, ...draw() }));
  }
  for (const article of DEMO_ARTICLES) {
    if (!article.coverImage) continue;
    const name = basename(article.coverImage.src, '.svg');
    const draw = COVER_DRAWINGS[name];
    if (!draw) throw new Error(`No drawing for the cover ${article.coverImage.src}`);
    files.set(`${name}.svg`, svgDocument({ title: article.coverImage.alt, ...draw() }));
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../web/assets/demo', import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const [name, svg] of drawDemoImages()) writeFileSync(join(dir, name), svg);
  process.stdout.write(`Wrote ${drawDemoImages().size} drawings to ${dir}\n`);
}
