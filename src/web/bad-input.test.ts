import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

const LONG = 'a'.repeat(10 * 1024);

// Every address a careless or hostile client might send, with the answers a user may get: a clear refusal, a
// miss, or a safe page. Never a 500.
const CASES: [path: string, statuses: number[]][] = [
  ['/products?page=-1', [400]],
  ['/products?page=abc', [400]],
  ['/products?page=99999999999999999999', [400]],
  ['/products?sort=bogus', [400]],
  ['/products?limit=100000', [200]],
  ['/products?category=Bad_Slug', [400]],
  ['/products?sort=name&sort=price-asc', [200, 400]],
  [`/products?q=${LONG}`, [400]],
  ['/categories/hair-care?page=-1', [400]],
  ['/products/%3Cscript%3E', [404]],
  ['/products/%E0%A4%A', [400, 404]],
  ['/blog?page=-1', [400]],
  [`/search?q=${LONG}`, [400]],
  ['/search?q=%00', [400]],
  ['/search?q=hair%00loss', [400]],
  ['/search?q=%E0%A4%A', [200, 400]],
  ['/search?q=!!!%26%26||', [200]],
  ['/search?q=a:*', [200]],
  ['/search?q=(((', [200]],
  ['/search?q=a&q=b', [200, 400]],
  ['/api/store/products?page=-1', [400]],
  ['/api/store/products?limit=100000', [400]],
  ['/api/store/products?limit=0', [400]],
  ['/api/store/products?sort=bogus', [400]],
  ['/api/store/products?cursor=%00', [400]],
  ['/api/store/products?cursor=garbage', [400]],
  ['/api/store/products?q=%00', [400]],
  ['/api/store/products?limit=10&limit=20', [400]],
  [`/api/store/search?q=${LONG}`, [400]],
  ['/api/store/search?q=%00', [400]],
  ['/api/store/search?q=', [400]],
  ['/api/store/articles?limit=100000', [400]],
  ['/api/store/articles?page=-1', [400]],
  ['/api/store/products/%00', [400, 404]],
];

describe('bad input', () => {
  it.each(CASES)('%s answers a clear status, never 500', async (path, statuses) => {
    const res = await store.request(path);
    const body = await res.text();
    expect(statuses, `${path} answered ${res.status}: ${body.slice(0, 300)}`).toContain(res.status);
    if (res.status >= 400 && path.startsWith('/api/')) {
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.parse(body).detail).toMatch(/\w/);
    }
  });

  it('names the offending parameter in a refused page and in a refused API call', async () => {
    const page = await (await store.request('/products?sort=bogus')).text();
    expect(page).toContain('That request could not be understood');
    expect(page).toContain('sort: must be one of name, price-asc, price-desc, newest');
    const problem = await (await store.request('/api/store/products?limit=100000')).json();
    expect(problem.errors).toEqual([{ field: 'limit', message: 'must be at most 100' }]);
  });

  it('shows HTML and SQL typed into the search box as text, and the products are still there', async () => {
    const hostile = `<img src=x onerror=alert(1)>'; DROP TABLE products; --`;
    const res = await store.request(`/search?q=${encodeURIComponent(hostile)}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const api = await store.request(`/api/store/search?q=${encodeURIComponent(hostile)}`);
    expect(api.status).toBe(200);
    expect((await store.request('/products/pep-factor')).status).toBe(200);
  });
});
