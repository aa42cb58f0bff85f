// Drives one HTTP endpoint with autocannon and summarizes the run. Latencies are taken from every
// response (autocannon's own summary has no p95), so the percentiles are exact for the run.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  baseUrl: string;
  /** Request paths, used round-robin across all connections. */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  durationSec: number;
}

export interface LoadResult {
  requests: number;
  durationSec: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  const instance = autocannon({
    url: opts.baseUrl,
    connections: opts.connections,
    duration: opts.durationSec,
    timeout: 10,
    headers: opts.headers ?? {},
    requests: [
      {
        method: 'GET',
        // Each request takes the next path, so all connections together rotate over every id.
        setupRequest: (req) => ({ ...req, path: opts.paths[next++ % opts.paths.length]! }),
      },
    ],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) non2xx++;
  });
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: latencies.length,
    durationSec: round(elapsed),
    rps: Math.round((latencies.length / elapsed) * 10) / 10,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1]! : NaN),
    non2xx: Math.max(non2xx, result.non2xx),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
