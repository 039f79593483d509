// `pnpm bench:relay`: how fast the outbox relay publishes, and how soon a consumer sees a committed event.
// Uses a scratch database (shop_bench_relay_<random>, dropped at the end) on DATABASE_URL's server or the local
// Postgres, and a stream of its own on NATS_URL or the local NATS. About a minute on two cores.
//
// The root package depends on neither @shop/outbox nor its dependencies, so the bench imports the package's
// measurements by path; they import what they need as the package declares it.
import { availableParallelism } from 'node:os';
import { DEFAULT_LOCAL_POSTGRES_URL } from '@shop/local-postgres';
import { measureHandlerLatency, measureLatency, measureThroughput, openBenchEnvironment, type ThroughputResult } from '../../packages/outbox/test/bench/relay-bench-runs.js';

const adminUrl = process.env.DATABASE_URL ?? DEFAULT_LOCAL_POSTGRES_URL;
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const AGGREGATES = 100;
// Batch 1 is about twelve times slower: a tenth of the events keeps the run short and the rate comparable.
const runs = [
  { batchSize: 1, events: Math.max(1_000, Math.round(EVENTS / 10)) },
  { batchSize: 50, events: EVENTS },
  { batchSize: 500, events: EVENTS },
];

const cell = (value: string, width: number) => value.padStart(width);

console.log(`relay bench: Postgres ${new URL(adminUrl).host}, NATS ${new URL(natsUrl).host}, node ${process.version}, ${availableParallelism()} cores`);
console.log(`throughput: a committed backlog over ${AGGREGATES} aggregates, relayed until every row is marked published\n`);
const bench = await openBenchEnvironment(adminUrl, natsUrl).catch((error: unknown) => {
  console.error(`relay bench: cannot reach Postgres at ${new URL(adminUrl).host} or NATS at ${natsUrl}: ${(error as Error).message}`);
  process.exit(1);
});
try {
  const results: ThroughputResult[] = [];
  console.log(`${cell('batch size', 10)} ${cell('events', 8)} ${cell('seconds', 8)} ${cell('events/s', 9)} ${cell('vs batch 1', 11)}`);
  for (const run of runs) {
    const result = await measureThroughput(bench, run.batchSize, run.events, AGGREGATES);
    results.push(result);
    const baseline = results[0]?.perSecond ?? result.perSecond;
    console.log(
      `${cell(String(result.batchSize), 10)} ${cell(String(result.events), 8)} ${cell(result.seconds.toFixed(2), 8)} ${cell(Math.round(result.perSecond).toString(), 9)} ${cell(`${(result.perSecond / baseline).toFixed(1)}x`, 11)}`,
    );
  }
  const latency = await measureLatency(bench, 1_000, 5);
  console.log(
    `\ncommit-to-consumer latency at ${latency.ratePerSecond} events/s (${latency.events} single-event transactions, ordered consumer): ` +
      `p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`,
  );
  // A durable consumer takes one message at a time (to keep per-aggregate order), so its rate is lower.
  const handler = await measureHandlerLatency(bench, 200, 5);
  console.log(
    `commit-to-handler latency at ${handler.ratePerSecond} events/s (${handler.events} events, durable consumer, handler in its inbox transaction): ` +
      `p50 ${handler.p50.toFixed(1)} ms, p99 ${handler.p99.toFixed(1)} ms, max ${handler.max.toFixed(1)} ms`,
  );
} finally {
  await bench.close();
}
