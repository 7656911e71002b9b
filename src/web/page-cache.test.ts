import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.ts';

const page = (body: string) => ({ body, contentType: 'text/html', status: 200 });
const textOf = (cache: PageCache, key: string) => {
  const entry = cache.get(key);
  return entry && new TextDecoder().decode(entry.bytes);
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
    const cache = new PageCache({ maxBytes: 1000 });
    for (let i = 0; i < 100; i++) cache.set(`/search?q=${i}`, page('x'.repeat(200)), 0);
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.size).toBe(5);
    expect(cache.get('/search?q=99')).toBeDefined();
  });

  it('counts a replaced page once', () => {
    const cache = new PageCache();
    cache.set('/a', page('1234'), 0);
    cache.set('/a', page('é'), 0);
    expect(cache.bytes).toBe(2);
    expect(textOf(cache, '/a')).toBe('é');
  });

  it('does not store a page rendered before a write, nor one larger than a quarter of the budget', () => {
    const cache = new PageCache({ maxBytes: 100 });
    const generation = cache.generation;
    cache.invalidate();
    const stale = cache.set('/a', page('old'), generation);
    expect(stale.etag).toMatch(/^W\/"/);
    expect(cache.get('/a')).toBeUndefined();
    cache.set('/big', page('x'.repeat(26)), cache.generation);
    expect(cache.get('/big')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });
});
