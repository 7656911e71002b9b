import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of docs/decisions/0008-domain-layers.md, lowest first. A module imports only from layers below its
 * own, never from a module beside it or above it, so no two domains can depend on each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['lib'],
  ['db', 'storage'],
  ['jobs'],
  ['security'],
  ['web'],
  ['store', 'media'],
  ['mail'],
  ['inventory', 'shipping', 'tax'],
  ['catalog'],
  ['content'],
  ['search', 'home'],
  ['staff', 'accounts'],
  ['licences'],
  ['cart'],
  ['orders'],
  ['checkout'],
  ['admin'],
  ['demo'],
];
// Files at the top of src/: the configuration (the settings and their parser) sits below everything; the rest
// assemble the application.
const BELOW_ALL = new Set(['config.ts', 'settings.ts']);

const SRC = resolve(import.meta.dirname, '../src');

function layerOf(file: string): number {
  const [top = '', ...rest] = relative(SRC, file).split('/');
  if (rest.length === 0) return BELOW_ALL.has(top) ? -1 : LAYERS.length;
  const index = LAYERS.findIndex((layer) => layer.includes(top));
  if (index < 0) throw new Error(`src/${top}/ is in no layer of docs/decisions/0008-domain-layers.md`);
  return index;
}

// A folder of src/ is one module; so are the files that assemble the application (app.ts, server.ts, cli.ts...).
function moduleOf(file: string): string {
  const [top = '', ...rest] = relative(SRC, file).split('/');
  if (BELOW_ALL.has(top)) return 'configuration';
  return rest.length > 0 ? top : 'application';
}

// Tests and their helpers may reach across layers to set up a store.
function isTestCode(name: string): boolean {
  return name.endsWith('.test.ts') || name.startsWith('test-');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !isTestCode(entry.name) ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].flatMap(([, spec = '']) => {
    if (spec.startsWith('#src/')) return [join(SRC, spec.slice('#src/'.length))];
    if (spec.startsWith('.')) return [resolve(dirname(file), spec)];
    return [];
  });
}

describe('domain layers', () => {
  it('has every import of the application point to a lower layer', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles(SRC)) {
      for (const target of importsOf(file)) {
        if (moduleOf(file) === moduleOf(target)) continue;
        if (layerOf(target) >= layerOf(file)) {
          wrong.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has app.ts mount the domains without naming their paths', () => {
    const text = readFileSync(join(SRC, 'app.ts'), 'utf8');
    const paths = [...text.matchAll(/'(\/[^']*)'/g)].map(([, path]) => path);
    // Only the application's own addresses: health, metrics, assets, robots, the API root and its document.
    const own = [
      '/',
      '/healthz',
      '/metrics',
      '/readyz',
      '/assets/',
      '/assets/*',
      '/robots.txt',
      '/api',
      '/api/openapi.json',
    ];
    expect(paths.filter((path) => !own.includes(path!))).toEqual([]);
  });
});
