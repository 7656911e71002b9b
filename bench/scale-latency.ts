import http from 'node:http';
import { percentile } from './http-client.ts';

/** Answer times of requests sent one after another, each waiting for the last: what one visitor waits. */
export type Latency = {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers other than 200. */
  failures: number;
  /** Answers the page cache gave (X-Cache: hit): an uncached run must have none. */
  cacheHits: number;
  /** The first failure, to say what went wrong. */
  firstFailure?: string;
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function timedGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ ms: number; status: number; cache: string }> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`${url} is not on this machine`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, { agent, headers, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          ms: performance.now() - started,
          status: res.statusCode ?? 0,
          cache: String(res.headers['x-cache'] ?? ''),
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

/** Asks for each of `urls` in turn and times the whole answer, from sending to its last byte. */
export async function timeEach(urls: readonly string[], headers: Record<string, string> = {}): Promise<Latency> {
  const times: number[] = [];
  let failures = 0;
  let cacheHits = 0;
  let firstFailure: string | undefined;
  for (const url of urls) {
    const { ms, status, cache } = await timedGet(url, headers);
    times.push(ms);
    if (cache === 'hit') cacheHits++;
    if (status !== 200) {
      failures++;
      firstFailure ??= `${status} for ${url}`;
    }
  }
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    p99Ms: percentile(times, 0.99),
    maxMs: percentile(times, 1),
    failures,
    cacheHits,
    ...(firstFailure ? { firstFailure } : {}),
  };
}
