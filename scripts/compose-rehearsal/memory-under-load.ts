import type { AppProcess } from './app-process.js';
import { megabytes, processRss } from './memory.js';

/** Each app's processes' resident memory, idle and at its peak under load, as the report prints it. */
export interface MemoryFigures {
  name: string;
  idle: number[];
  peak: number[];
}

/**
 * Reads every running app's memory (each process of it: a gateway's primary and workers), then puts the read path
 * under load for `seconds` (anonymous product(id) through the gateway, `concurrency` requests in flight) while
 * sampling, and answers both (and the requests per second served), so the report shows what each image's
 * process needs.
 */
export async function memoryUnderLoad(apps: AppProcess[], gatewayUrl: string, seconds = 8, concurrency = 16): Promise<{ figures: MemoryFigures[]; perSecond: number }> {
  const running = apps.filter((app) => app.pid !== undefined && app.exitCode() === undefined);
  const figures = running.map((app) => ({ name: app.name, idle: processRss(app.pid!), peak: processRss(app.pid!) }));
  const post = async (query: string, variables: Record<string, unknown> = {}) =>
    (await (await fetch(`${gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json()) as {
      data?: { products?: { edges: { node: { id: string } }[] } };
    };
  const ids = (await post('{ products(first: 20) { edges { node { id } } } }')).data?.products?.edges.map((edge) => edge.node.id) ?? [];
  if (ids.length === 0) throw new Error('no products to read under load');
  const end = Date.now() + seconds * 1000;
  const sampler = setInterval(() => {
    for (const [i, app] of running.entries()) {
      const now = processRss(app.pid!);
      if (now.reduce((a, b) => a + b, 0) > figures[i]!.peak.reduce((a, b) => a + b, 0)) figures[i]!.peak = now;
    }
  }, 200);
  let requests = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (Date.now() < end) {
        await post('query ($id: ID!) { product(id: $id) { id name price { amount } stock } }', { id: ids[(requests + worker) % ids.length] });
        requests += 1;
      }
    }),
  );
  clearInterval(sampler);
  return { figures, perSecond: requests / seconds };
}

/** One report line per app: its processes' memory idle and at the peak, largest process first. */
export function memoryLine(figure: MemoryFigures): string {
  const list = (values: number[]) => values.map(megabytes).join(' + ');
  return `${figure.name}: idle ${list(figure.idle)}; peak under load ${list(figure.peak)}`;
}
