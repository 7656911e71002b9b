import { Hono } from 'hono';
import { notFound } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { IMAGE_HASH, variantKey } from './image-files.ts';

/**
 * Uploaded pictures (of products, of articles) at /media/images/<hash>/<width>.webp. The address changes with the content, so browsers and
 * CDNs may keep each answer for a year without asking again. Only the WebP variants are served; the original
 * upload stays in storage.
 */
export const imagePages = new Hono<AppEnv>();

imagePages.get('/:hash/:file', async (c) => {
  const hash = c.req.param('hash');
  const width = /^(\d{1,4})\.webp$/.exec(c.req.param('file'))?.[1];
  if (!IMAGE_HASH.test(hash) || !width) throw notFound('Image');
  const file = await c.var.ctx.storage.stream(variantKey(hash, Number(width)));
  if (!file) throw notFound('Image');
  return c.body(file.body, 200, {
    'Content-Type': 'image/webp',
    'Content-Length': String(file.size),
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
});
