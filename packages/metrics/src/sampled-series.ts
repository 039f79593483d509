import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from './registry.js';

/** One reading of a sampled series: its labels and value. */
export interface Sample<L extends string> {
  labels: Partial<Record<L, string>>;
  value: number;
}

/** Reads the current values of one running thing (a pool, an outbox, a consumer, a cache). */
export type Sampler<L extends string> = () => Sample<L>[] | Promise<Sample<L>[]>;

/**
 * A series read when Prometheus scrapes, rather than kept up to date: each running instance (a pool, a relay, a
 * consumer, a cache) adds a sampler while it runs and removes it when it stops. A `counter` is read from a count
 * the instance keeps itself (it only grows); a `gauge` is a current level. A sampler that fails (its database is
 * down) is left out of that scrape, and the series disappears for it, which an alert on absence can see.
 */
export class SampledSeries<L extends string> {
  private readonly samplers = new Set<Sampler<L>>();

  constructor(kind: 'gauge' | 'counter', config: { name: string; help: string; labelNames: readonly L[] }) {
    const samplers = this.samplers;
    const readAll = async (): Promise<Sample<L>[]> =>
      (await Promise.all([...samplers].map(async (sampler) => (await Promise.resolve().then(sampler).catch(() => [])) as Sample<L>[]))).flat();
    const base = { name: config.name, help: config.help, labelNames: config.labelNames, registers: [metricsRegistry] };
    if (kind === 'gauge') {
      new Gauge<L>({
        ...base,
        async collect() {
          const samples = await readAll();
          this.reset();
          for (const sample of samples) this.set(sample.labels, sample.value);
        },
      });
    } else {
      new Counter<L>({
        ...base,
        async collect() {
          const samples = await readAll();
          this.reset();
          for (const sample of samples) this.inc(sample.labels, sample.value);
        },
      });
    }
  }

  /** Adds a sampler; the returned function removes it. */
  add(sampler: Sampler<L>): () => void {
    this.samplers.add(sampler);
    return () => this.samplers.delete(sampler);
  }
}
