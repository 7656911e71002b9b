import autocannon from 'autocannon';

export type Measurement = {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
};

const CONNECTIONS = 50;
// A run can never send more than this, whatever the duration: it bounds the load if the clock misbehaves.
const MAX_REQUESTS = 2_000_000;

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`The benchmark only loads servers on this machine; ${url} is not a loopback address.`);
  }
}

/** Loads `url` with 50 connections for `seconds`, and stops it for good a few seconds after that. */
export async function measure(
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<Measurement> {
  assertLoopback(url);
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    maxOverallRequests: MAX_REQUESTS,
    timeout: 5,
    headers,
  });
  const guard = setTimeout(() => instance.stop(), (seconds + 5) * 1000);
  try {
    const r = await instance;
    return {
      reqPerSec: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      requests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors,
    };
  } finally {
    clearTimeout(guard);
  }
}

export const BENCH_CONNECTIONS = CONNECTIONS;
