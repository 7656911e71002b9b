import { IMAGE_WIDTHS, type UploadedImage, variantPath } from './image-files.ts';

// An uploaded picture's largest width, as a text refers to it: /media/images/<hash>/<width>.webp.
const UPLOADED_ADDRESS = /^\/media\/images\/([0-9a-f]{32})\/(\d{1,4})\.webp$/;

// Alt text on one line, without the brackets and backslashes that would end or escape Markdown's [...].
function markdownAlt(alt: string): string {
  return alt
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/**
 * The Markdown that shows an uploaded picture in a text. It names the largest width: the smaller ones are the
 * store's widths below it (image-files.ts never enlarges), so a page can offer them all from the address alone.
 */
export function markdownOfUpload(upload: UploadedImage, alt: string): string {
  return `![${markdownAlt(alt)}](${variantPath(upload.hash, Math.max(...upload.widths))})`;
}

/** The `srcset` of an uploaded picture that a text shows by the address of a width; undefined for any other. */
export function srcsetOfAddress(src: string): string | undefined {
  const match = UPLOADED_ADDRESS.exec(src);
  if (!match) return undefined;
  const hash = match[1]!;
  const largest = Number(match[2]);
  const widths = [...IMAGE_WIDTHS.filter((w) => w < largest), largest];
  return widths.map((w) => `${variantPath(hash, w)} ${w}w`).join(', ');
}
