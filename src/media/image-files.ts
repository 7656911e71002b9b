import { createHash } from 'node:crypto';
import { AppError } from '#src/lib/errors.ts';
import type { FileStorage } from '#src/storage/storage.ts';

/** The largest picture accepted: a full-size phone photo fits well within it. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Widths the store serves, in WebP; a smaller original is never enlarged. */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;

type ImageKind = { type: 'image/jpeg' | 'image/png' | 'image/webp'; ext: 'jpg' | 'png' | 'webp' };

// The first bytes decide the type: a file's name and declared type are whatever the sender chose.
export function detectImageKind(b: Uint8Array): ImageKind | undefined {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { type: 'image/jpeg', ext: 'jpg' };
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, i) => b[i] === byte)) return { type: 'image/png', ext: 'png' };
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length > 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { type: 'image/webp', ext: 'webp' };
  return undefined;
}

/** What an uploaded picture became: its content hash names every file made from it. */
export type UploadedImage = { hash: string; width: number; height: number; widths: number[] };

/**
 * A picture as pages show it: `src` for clients that read only that, the alt text, and for an upload the WebP
 * widths made from it, which pages offer in `srcset`. Products and articles keep their pictures in this shape.
 */
export type Picture = { src: string; alt: string; upload?: UploadedImage };

export const IMAGE_HASH = /^[0-9a-f]{32}$/;

export function variantKey(hash: string, width: number): string {
  return `images/${hash}/${width}.webp`;
}

/** The address a variant is served at; the hash in it changes with the content, so it can be cached for good. */
export function variantPath(hash: string, width: number): string {
  return `/media/images/${hash}/${width}.webp`;
}

export const TOO_LARGE_MESSAGE =
  'The picture is larger than 10 MB. Export it smaller (2000 pixels wide is plenty) and upload it again.';
export const NOT_AN_IMAGE_MESSAGE =
  'This file is not a JPEG, PNG or WebP picture. Choose a photo in one of those formats.';

/**
 * What an upload is, judged by its bytes; refuses an empty one, one over 10 MB, and anything but JPEG, PNG and
 * WebP with an `image` field error. Quick: a form can check it with its other fields before storing anything.
 */
export function checkImageBytes(bytes: Uint8Array): ImageKind {
  if (bytes.length === 0) throw imageError('Choose a picture to upload.');
  if (bytes.length > MAX_IMAGE_BYTES) throw imageError(TOO_LARGE_MESSAGE, 'PAYLOAD_TOO_LARGE');
  const kind = detectImageKind(bytes);
  if (!kind) throw imageError(NOT_AN_IMAGE_MESSAGE);
  return kind;
}

/**
 * Checks an upload by its bytes, resizes it into WebP at the store's widths and stores those and the original.
 * Runs before any transaction: resizing takes a while and must not hold the database.
 */
export async function storeImage(storage: FileStorage, bytes: Uint8Array): Promise<UploadedImage> {
  const kind = checkImageBytes(bytes);
  // sharp (libvips) is loaded with the first upload, not at every start of the store.
  const { default: sharp } = await import('sharp');
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  let width: number;
  let height: number;
  try {
    // EXIF orientation applied first, so a portrait photo stays upright and its width is the one shown.
    const meta = await sharp(bytes, { failOn: 'error' }).rotate().metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    width = (turned ? meta.height : meta.width) ?? 0;
    height = (turned ? meta.width : meta.height) ?? 0;
    if (!width || !height) throw new Error('no size');
  } catch (err) {
    throw imageError(
      'The picture could not be read: the file is damaged or only part of it arrived.',
      'VALIDATION',
      err,
    );
  }
  const widths = [...new Set(IMAGE_WIDTHS.map((w) => Math.min(w, width)))];
  await storage.put(`images/${hash}/original.${kind.ext}`, bytes, kind.type);
  for (const w of widths) {
    const webp = await sharp(bytes)
      .rotate()
      .resize({ width: w, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    await storage.put(variantKey(hash, w), webp, 'image/webp');
  }
  return { hash, width, height, widths };
}

function imageError(message: string, code: 'VALIDATION' | 'PAYLOAD_TOO_LARGE' = 'VALIDATION', cause?: unknown) {
  return new AppError(code, message, { fields: { image: message }, cause });
}

/** The picture an upload became, shown at its middle width to clients that read only `src`. */
export function pictureOf(upload: UploadedImage, alt: string): Picture {
  const middle = upload.widths.find((w) => w >= 640) ?? upload.widths.at(-1)!;
  return { src: variantPath(upload.hash, middle), alt, upload };
}

/** The address of a picture's largest width (for share cards and search engines, which want a large one). */
export function largestSrcOf(picture: Picture): string {
  return picture.upload ? variantPath(picture.upload.hash, Math.max(...picture.upload.widths)) : picture.src;
}

/** Removes every file made from an image. */
export async function deleteImageFiles(storage: FileStorage, image: { hash: string; widths: number[]; ext?: string }) {
  for (const w of image.widths) await storage.delete(variantKey(image.hash, w));
  for (const ext of ['jpg', 'png', 'webp']) await storage.delete(`images/${image.hash}/original.${ext}`);
}
