import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from 'pino';
import type { AppEnv } from './context.ts';

// Seconds; spaced for pages that take from a tenth of a millisecond (cached) to seconds (a stuck query).
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

type Series = { counts: number[]; sum: number; count: number };

/**
 * Request counts and durations for a Prometheus scrape, held in memory. Labels are route patterns, never raw
 * paths, so the number of series stays bounded however many product slugs or search queries arrive.
 */
export class RequestMetrics {
  readonly #requests = new Map<string, number>();
  readonly #durations = new Map<string, Series>();

  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method}\u0000${route}\u0000${Math.floor(status / 100)}xx`;
    this.#requests.set(key, (this.#requests.get(key) ?? 0) + 1);
    const durationKey = `${method}\u0000${route}`;
    let series = this.#durations.get(durationKey);
    if (!series) {
      series = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.#durations.set(durationKey, series);
    }
    // One count per request, in the first bucket that holds it; render() adds them up into Prometheus's
    // cumulative buckets, so the hot path writes a single counter.
    let bucket = 0;
    while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]!) bucket++;
    if (bucket < BUCKETS.length) series.counts[bucket]!++;
    series.sum += seconds;
    series.count++;
  }

  /** The Prometheus text exposition format, version 0.0.4. */
  render(gauges: Record<string, { help: string; value: number }>): string {
    const out: string[] = [
      '# HELP http_requests_total HTTP requests answered, by method, route pattern and status class.',
      '# TYPE http_requests_total counter',
    ];
    for (const [key, value] of this.#requests) {
      const [method, route, status] = key.split('\u0000');
      out.push(`http_requests_total{method="${method}",route="${escapeLabel(route!)}",status="${status}"} ${value}`);
    }
    out.push(
      '# HELP http_request_duration_seconds Time from receiving a request to having its answer, by route pattern.',
      '# TYPE http_request_duration_seconds histogram',
    );
    for (const [key, s] of this.#durations) {
      const [method, route] = key.split('\u0000');
      const labels = `method="${method}",route="${escapeLabel(route!)}"`;
      let cumulative = 0;
      BUCKETS.forEach((le, i) => {
        cumulative += s.counts[i]!;
        out.push(`http_request_duration_seconds_bucket{${labels},le="${le}"} ${cumulative}`);
      });
      out.push(`http_request_duration_seconds_bucket{${labels},le="+Inf"} ${s.count}`);
      out.push(`http_request_duration_seconds_sum{${labels}} ${s.sum}`);
      out.push(`http_request_duration_seconds_count{${labels}} ${s.count}`);
    }
    for (const [name, g] of Object.entries(gauges)) {
      out.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.value}`);
    }
    return `${out.join('\n')}\n`;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

// The handler's pattern ("/products/:slug"): the first matched route that is not a middleware. Stored pages
// are answered before routing, and count under the pattern of the handler that rendered them.
export function routeOf(c: Context<AppEnv>): string {
  const stored = c.get('route');
  if (stored) return stored;
  const handler = matchedRoutes(c).find((r) => r.method !== 'ALL');
  return handler ? handler.path : '(unmatched)';
}

// An id the client (or a proxy in front) sent is kept, so that both logs can be joined; anything else is replaced.
function requestIdOf(c: Context<AppEnv>): string {
  const sent = c.req.header('x-request-id');
  return sent && sent.length <= 255 && !/[^\w\-=]/.test(sent) ? sent : crypto.randomUUID();
}

/**
 * Gives every request an id (`X-Request-Id`), counts it in `metrics` and logs it with its status and time,
 * including those that end in an error page. One middleware rather than three: most requests are answers from
 * the page cache that take a few microseconds, and each layer of middleware costs a noticeable share of that.
 */
export function observeRequests(metrics: RequestMetrics, log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const id = requestIdOf(c);
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    try {
      await next();
    } finally {
      const ms = performance.now() - started;
      const status = c.res.status;
      metrics.record(c.req.method, routeOf(c), status, ms / 1000);
      // The path only: query strings may carry tokens.
      log.info({ reqId: id, method: c.req.method, path: c.req.path, status, ms: +ms.toFixed(1) }, 'request');
    }
  };
}

/** Process figures an operator watches beside the request counts. */
export function processGauges(pageCache: {
  size: number;
  bytes: number;
}): Record<string, { help: string; value: number }> {
  const memory = process.memoryUsage();
  return {
    process_resident_memory_bytes: { help: 'Resident set size of the process in bytes.', value: memory.rss },
    nodejs_heap_used_bytes: { help: 'V8 heap in use, in bytes.', value: memory.heapUsed },
    nodejs_heap_total_bytes: { help: 'V8 heap reserved, in bytes.', value: memory.heapTotal },
    nodejs_external_memory_bytes: {
      help: 'Memory of C++ objects bound to JavaScript (PGlite lives here), in bytes.',
      value: memory.external,
    },
    process_uptime_seconds: { help: 'Seconds since the process started.', value: Math.round(process.uptime()) },
    medstore_page_cache_entries: { help: 'Pages and API answers held in the page cache.', value: pageCache.size },
    medstore_page_cache_bytes: { help: 'Bytes of answers held in the page cache.', value: pageCache.bytes },
  };
}
