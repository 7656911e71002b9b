import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.ts';

const page = (body: string) => ({ body, contentType: 'text/html', status: 200 });

describe('PageCache', () => {
  it('keeps at most maxEntries pages, dropping the oldest first', () => {
    const cache = new PageCache({ maxEntries: 2 });
    cache.set('/a', page('a'), 0);
    cache.set('/b', page('b'), 0);
    cache.set('/c', page('c'), 0);
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.get('/b')?.body).toBe('b');
    expect(cache.get('/c')?.body).toBe('c');
  });

  it('keeps the total size of its pages under maxChars however many queries arrive', () => {
    const cache = new PageCache({ maxChars: 1000 });
    for (let i = 0; i < 100; i++) cache.set(`/search?q=${i}`, page('x'.repeat(200)), 0);
    expect(cache.chars).toBeLessThanOrEqual(1000);
    expect(cache.size).toBe(5);
    expect(cache.get('/search?q=99')).toBeDefined();
  });

  it('counts a replaced page once', () => {
    const cache = new PageCache();
    cache.set('/a', page('1234'), 0);
    cache.set('/a', page('12'), 0);
    expect(cache.chars).toBe(2);
  });

  it('does not store a page rendered before a write, nor one larger than a quarter of the budget', () => {
    const cache = new PageCache({ maxChars: 100 });
    const generation = cache.generation;
    cache.invalidate();
    const stale = cache.set('/a', page('old'), generation);
    expect(stale.etag).toMatch(/^W\/"/);
    expect(cache.get('/a')).toBeUndefined();
    cache.set('/big', page('x'.repeat(26)), cache.generation);
    expect(cache.get('/big')).toBeUndefined();
    expect(cache.chars).toBe(0);
  });
});
