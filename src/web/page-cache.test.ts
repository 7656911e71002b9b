import { describe, expect, it } from 'vitest';
import { EVERYTHING, PageCache } from './page-cache.ts';

const page = (body: string, tags: string[] = ['t']) => ({
  body,
  contentType: 'text/html',
  status: 200,
  tags,
  route: '/a',
  anonymousBody: body,
});
const textOf = (cache: PageCache, key: string) => {
  const entry = cache.get(key);
  return entry?.anonymous && new TextDecoder().decode(entry.anonymous);
};

describe('PageCache', () => {
  it('keeps at most maxEntries pages, dropping the oldest first', () => {
    const cache = new PageCache({ maxEntries: 2 });
    cache.set('/a', page('a'), 0);
    cache.set('/b', page('b'), 0);
    cache.set('/c', page('c'), 0);
    expect(cache.get('/a')).toBeUndefined();
    expect(textOf(cache, '/b')).toBe('b');
    expect(textOf(cache, '/c')).toBe('c');
  });

  it('keeps the total size of its pages under maxBytes however many queries arrive', () => {
    const cache = new PageCache({ maxBytes: 2000 });
    for (let i = 0; i < 100; i++) cache.set(`/search?q=${i}`, page('x'.repeat(200)), 0);
    expect(cache.bytes).toBeLessThanOrEqual(2000);
    expect(cache.size).toBe(5);
    expect(cache.get('/search?q=99')).toBeDefined();
  });

  it('counts a replaced page once', () => {
    const cache = new PageCache();
    cache.set('/a', page('1234'), 0);
    cache.set('/a', page('é'), 0);
    // The shared copy and the ready anonymous copy: two bytes each.
    expect(cache.bytes).toBe(4);
    expect(textOf(cache, '/a')).toBe('é');
  });

  it('does not store a page rendered before a write to what it shows, nor one larger than a quarter of the budget', () => {
    const cache = new PageCache({ maxBytes: 100 });
    const version = cache.version;
    cache.invalidate('t');
    const stale = cache.set('/a', page('old'), version);
    expect(stale.etag).toMatch(/^W\/"/);
    expect(cache.get('/a')).toBeUndefined();
    cache.set('/big', page('x'.repeat(13)), cache.version);
    expect(cache.get('/big')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('drops only the pages that show what a write changed, and the pages that did not say what they show', () => {
    const cache = new PageCache();
    cache.set('/products/a', page('A', ['product:a']), 0);
    cache.set('/products/b', page('B', ['product:b']), 0);
    cache.set('/products', page('list', ['product-lists']), 0);
    cache.set('/untagged', page('?', []), 0);
    cache.invalidate('product:a', 'product-lists');
    expect(cache.get('/products/a')).toBeUndefined();
    expect(cache.get('/products')).toBeUndefined();
    expect(cache.get('/untagged')).toBeUndefined();
    expect(textOf(cache, '/products/b')).toBe('B');
  });

  it('keeps a page of another product rendered during a write, but not one of the product written', () => {
    const cache = new PageCache();
    const version = cache.version;
    cache.invalidate('product:a');
    cache.set('/products/a', page('old A', ['product:a']), version);
    cache.set('/products/b', page('B', ['product:b']), version);
    cache.set('/untagged', page('?', []), version);
    expect(cache.get('/products/a')).toBeUndefined();
    expect(cache.get('/untagged')).toBeUndefined();
    expect(textOf(cache, '/products/b')).toBe('B');
  });

  it('empties itself for a write to everything, and holds nothing while disabled', () => {
    const cache = new PageCache();
    cache.set('/a', page('a', ['x']), 0);
    const version = cache.version;
    cache.invalidate(EVERYTHING);
    expect(cache.size).toBe(0);
    expect(cache.isWipedSince(version)).toBe(true);
    cache.isEnabled = false;
    cache.set('/a', page('a', ['x']), cache.version);
    expect(cache.get('/a')).toBeUndefined();
    cache.isEnabled = true;
    cache.set('/a', page('a', ['x']), cache.version);
    expect(textOf(cache, '/a')).toBe('a');
  });
});
