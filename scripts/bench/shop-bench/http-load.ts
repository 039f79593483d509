// HTTP load from autocannon in a process of its own, so it never shares an event loop with what it measures.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What one load run saw. */
export interface HttpLoadResult {
  perSecond: number;
  total: number;
  p50: number;
  p99: number;
  /** Connection errors and answers other than 2xx. */
  errors: number;
}

/**
 * Posts `query` to `url` from `connections` connections for `seconds`. Checks first that the query answers data:
 * GraphQL errors come with HTTP 200, which autocannon would count as successes. `onTick` runs every 200 ms while
 * the load runs (memory sampling).
 */
export async function graphqlLoad(url: string, query: string, options: { seconds: number; connections: number; token?: string; onTick?: () => void }): Promise<HttpLoadResult> {
  const headers = { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) };
  const probe = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
  const answer = (await probe.json()) as { errors?: unknown };
  if (probe.status !== 200 || answer.errors) throw new Error(`the query fails (${probe.status}): ${JSON.stringify(answer.errors)}\n${query}`);
  const bin = join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const child = spawn(
    process.execPath,
    [bin, '-c', String(options.connections), '-d', String(options.seconds), '-m', 'POST', ...headerArgs, '-b', JSON.stringify({ query }), '--json', url],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const ticker = options.onTick ? setInterval(options.onTick, 200) : undefined;
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(ticker);
  const report = JSON.parse(stdout) as { requests: { average: number; total: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number };
  return { perSecond: report.requests.average, total: report.requests.total, p50: report.latency.p50, p99: report.latency.p99, errors: report.errors + report.non2xx };
}
