// The few parts of autocannon's API the benchmark uses; the package ships no types.
declare module 'autocannon' {
  type Histogram = { average: number; min: number; max: number; p50: number; p90: number; p99: number };
  export type Result = {
    url: string;
    requests: Histogram & { total: number };
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    maxOverallRequests?: number;
    timeout?: number;
    headers?: Record<string, string>;
    /** Requests sent in turn on each connection; `setupRequest` may change each one before it goes. */
    requests?: { method?: string; path?: string; setupRequest?: (request: { path: string }) => { path: string } }[];
  };
  export type Instance = PromiseLike<Result> & { stop(): void };
  export default function autocannon(options: Options): Instance;
}
