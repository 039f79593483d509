import type { Envelope } from './envelope.js';
import type { AggregateEventCodec, HistoryEntry } from './history.js';

/** The outbox of an in-memory repository (unit tests): envelopes in order, never removed, read back as history like the real one. */
export class MemoryOutbox<E> {
  readonly envelopes: Envelope[] = [];

  constructor(private readonly codec: AggregateEventCodec<E>) {}

  record(events: readonly E[], firstVersion: number, occurredAt: Date, actor: string | null): void {
    this.envelopes.push(...this.codec.toEnvelopes(events, firstVersion, occurredAt, actor));
  }

  history(aggregateId: string): HistoryEntry[] {
    return this.envelopes.filter((envelope) => envelope.aggregateId === aggregateId).map(this.codec.toHistoryEntry);
  }
}
