import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { AppError } from '#src/lib/errors.ts';
import { assetUrl } from './assets.ts';
import type { AppEnv } from './context.ts';

/** Where the readable reference of the API lives. */
export const API_DOCS_PATH = '/api/docs';

// Swagger UI's own files, served from the installed package (no CDN), read on the first visit only: most
// processes never serve the reference, and the bundle is over a megabyte.
const VENDOR_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};
const loaded = new Map<string, Buffer>();
let vendor: { dir: string; version: string } | undefined;

// Found on the first visit too, so that a start never looks for the package.
function vendorPackage(): { dir: string; version: string } {
  if (!vendor) {
    const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    vendor = { dir, version };
  }
  return vendor;
}

function vendorFile(name: string): Buffer | undefined {
  if (!(name in VENDOR_FILES)) return undefined;
  let body = loaded.get(name);
  if (!body) {
    body = readFileSync(join(vendorPackage().dir, name));
    loaded.set(name, body);
  }
  return body;
}

function renderReferencePage(storeName: string) {
  const { version } = vendorPackage();
  const vendorUrl = (name: string) => `${API_DOCS_PATH}/${name}?v=${version}`;
  return html`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API reference · ${storeName}</title>
  <link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
  <link rel="stylesheet" href="${vendorUrl('swagger-ui.css')}">
  <link rel="stylesheet" href="${assetUrl('api-docs/page.css')}">
  <script src="${vendorUrl('swagger-ui-bundle.js')}" defer></script>
  <script src="${assetUrl('api-docs/start.js')}" defer></script>
</head>
<body>
  <header class="api-docs-header">
    <a href="/">${storeName}</a>
    <span>API reference</span>
    <a href="/api/openapi.json">OpenAPI document (JSON)</a>
  </header>
  <main id="api-reference">
    <noscript><p>The reference needs JavaScript. The <a href="/api/openapi.json">OpenAPI document</a> describes
    every operation without it.</p></noscript>
  </main>
</body>
</html>`;
}

/** The API reference page and Swagger UI's files; `storeName` says whose API it is. */
export function createApiDocs(storeName: () => Promise<string>): Hono<AppEnv> {
  const docs = new Hono<AppEnv>();
  docs.get('/', async (c) => c.html(renderReferencePage(await storeName())));
  docs.get('/:file', (c) => {
    const name = c.req.param('file');
    const body = vendorFile(name);
    if (!body) throw new AppError('NOT_FOUND', 'No such file.');
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': VENDOR_FILES[name]!,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
  return docs;
}
