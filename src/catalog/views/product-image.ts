import { html } from 'hono/html';
import { variantPath } from '../image-files.ts';
import type { ProductImage } from '../schema.ts';

/**
 * An <img> of a product picture. An uploaded one offers each of its WebP widths in `srcset`, so a phone loads the
 * small one and a wide screen the large; `sizes` says how wide the picture is drawn in this place.
 */
export function renderProductImage(
  image: ProductImage,
  o: { sizes: string; width: number; height: number; className?: string; isLazy?: boolean },
) {
  const upload = image.upload;
  const srcset = upload ? upload.widths.map((w) => `${variantPath(upload.hash, w)} ${w}w`).join(', ') : undefined;
  // The box keeps the picture's own proportions at the width asked, so the page does not jump while it loads.
  const height = upload ? Math.round((o.width * upload.height) / upload.width) : o.height;
  return html`<img${o.className ? html` class="${o.className}"` : ''} src="${image.src}"${
    srcset ? html` srcset="${srcset}" sizes="${o.sizes}"` : ''
  } alt="${image.alt}" width="${o.width}" height="${height}"${o.isLazy ? html` loading="lazy"` : ''}>`;
}
