import http from 'node:http';

/** One answer: its status and JSON body (or the text, when it is not JSON). */
export type JsonAnswer = { status: number; body: unknown };

// Kept-alive sockets, as a browser or an API client keeps them: the bench measures the store, not TCP handshakes.
// node:http rather than fetch: on a 2-core machine the load generator's own CPU comes out of the store's share.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** Sends a JSON request to the store on this machine and reads the whole answer. */
export function requestJson(
  url: string,
  o: { method: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number },
): Promise<JsonAnswer> {
  const payload = o.body === undefined ? undefined : JSON.stringify(o.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: o.method,
        agent,
        headers: {
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...o.headers,
        },
        timeout: o.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${o.method} ${url} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** The value at `p` (0..1) of sorted durations, in milliseconds rounded to a tenth. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 10) / 10;
}
