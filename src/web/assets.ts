import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('./assets', import.meta.url));

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

export type Asset = { body: Buffer; type: string; hash: string };

// Assets are few and small: read once at start, served from memory with a content hash in their URL.
const assets = new Map<string, Asset>();
function load(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      load(path);
      continue;
    }
    const body = readFileSync(path);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    assets.set(relative(ROOT, path).split('\\').join('/'), {
      body,
      type: TYPES[extname(name)] ?? 'application/octet-stream',
      hash,
    });
  }
}
load(ROOT);

export function getAsset(path: string): Asset | undefined {
  return assets.get(path);
}

/** The URL of a static asset with its content hash, so it can be cached for a year and still change. */
export function assetUrl(path: string): string {
  const asset = assets.get(path.replace(/^\//, ''));
  return asset ? `/assets/${path}?v=${asset.hash}` : `/assets/${path}`;
}
