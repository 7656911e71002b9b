import { html } from 'hono/html';
import { type Picture, type UploadedImage, variantPath } from '../image-files.ts';

/** The `srcset` of an uploaded picture: each of its WebP widths. */
export function srcsetOf(upload: UploadedImage): string {
  return upload.widths.map((w) => `${variantPath(upload.hash, w)} ${w}w`).join(', ');
}

/**
 * An <img> of a picture. An uploaded one offers each of its WebP widths in `srcset`, so a phone loads the small
 * one and a wide screen the large; `sizes` says how wide the picture is drawn in this place.
 */
export function renderPicture(
  image: Picture,
  o: {
    sizes: string;
    width: number;
    height: number;
    className?: string;
    isLazy?: boolean;
    /** A picture beside a link that says the same (a card's): empty alt text, so it is not read out twice. */
    isDecorative?: boolean;
  },
) {
  const upload = image.upload;
  const srcset = upload ? srcsetOf(upload) : undefined;
  // The box keeps the picture's own proportions at the width asked, so the page does not jump while it loads.
  const height = upload ? Math.round((o.width * upload.height) / upload.width) : o.height;
  return html`<img${o.className ? html` class="${o.className}"` : ''} src="${image.src}"${
    srcset ? html` srcset="${srcset}" sizes="${o.sizes}"` : ''
  } alt="${o.isDecorative ? '' : image.alt}" width="${o.width}" height="${height}"${o.isLazy ? html` loading="lazy"` : ''}>`;
}
