import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { RequestMetrics } from './metrics.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

async function scrape(): Promise<string> {
  const res = await store.request('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
  expect(res.headers.get('cache-control')).toBe('no-store');
  return res.text();
}

function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('counts requests by route pattern and status class, cached or not', async () => {
    await store.request('/products/pep-factor');
    await store.request('/products/pep-factor');
    await store.request('/products/prp-kit');
    await store.request('/products/no-such-product');
    await store.request('/no/such/page');
    const text = await scrape();
    expect(seriesValue(text, 'http_requests_total{method="GET",route="/products/:slug",status="2xx"}')).toBe(3);
    expect(seriesValue(text, 'http_requests_total{method="GET",route="/products/:slug",status="4xx"}')).toBe(1);
    expect(seriesValue(text, 'http_requests_total{method="GET",route="(unmatched)",status="4xx"}')).toBe(1);
    // Raw paths never become labels: the number of series stays bounded.
    expect(text).not.toContain('pep-factor');
  });

  it('records durations as a histogram whose buckets add up', async () => {
    const text = await scrape();
    const labels = 'method="GET",route="/products/:slug"';
    const count = seriesValue(text, `http_request_duration_seconds_count{${labels}}`);
    expect(count).toBeGreaterThanOrEqual(4);
    expect(seriesValue(text, `http_request_duration_seconds_bucket{${labels},le="+Inf"}`)).toBe(count);
    expect(seriesValue(text, `http_request_duration_seconds_sum{${labels}}`)).toBeGreaterThan(0);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('reports process memory and the page cache', async () => {
    const text = await scrape();
    expect(seriesValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(seriesValue(text, 'nodejs_heap_used_bytes')).toBeGreaterThan(0);
    expect(seriesValue(text, 'medstore_page_cache_entries')).toBeGreaterThanOrEqual(2);
  });
});

describe('duration buckets', () => {
  it('are cumulative, as Prometheus expects', () => {
    const metrics = new RequestMetrics();
    for (const seconds of [0.0001, 0.003, 0.003, 0.2, 9]) metrics.record('GET', '/x', 200, seconds);
    const text = metrics.render({});
    const bucket = (le: string) =>
      seriesValue(text, `http_request_duration_seconds_bucket{method="GET",route="/x",le="${le}"}`);
    expect(bucket('0.0005')).toBe(1);
    expect(bucket('0.0025')).toBe(1);
    expect(bucket('0.005')).toBe(3);
    expect(bucket('0.25')).toBe(4);
    expect(bucket('5')).toBe(4);
    expect(bucket('+Inf')).toBe(5);
  });
});
