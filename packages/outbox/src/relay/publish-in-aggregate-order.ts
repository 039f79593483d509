import type { ClaimedEvent } from './relay-queries.js';

/** What became of a batch: the acked rows (to mark published) and, per stopped aggregate, its first failure. */
export interface BatchOutcome {
  published: string[];
  /** Acks JetStream flagged as duplicates (the message id was already stored: a retry after a lost ack or a crash). */
  duplicates: number;
  failed: Array<{ event: ClaimedEvent; error: Error }>;
}

/**
 * Publishes a batch without ever letting an event overtake an earlier one of its aggregate: aggregates go
 * concurrently, but each aggregate's events one after the other (the next waits for the previous ack), and an
 * aggregate's chain stops at its first failure, so its later events wait for the retry. `keepGoing` is asked
 * before every publish (false once the relay stops or loses its session).
 */
export async function publishInAggregateOrder(
  events: readonly ClaimedEvent[],
  publish: (event: ClaimedEvent) => Promise<{ duplicate: boolean }>,
  keepGoing: () => boolean,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { published: [], duplicates: 0, failed: [] };
  const publishChain = async (chain: ClaimedEvent[]) => {
    for (const event of chain) {
      if (!keepGoing()) return;
      try {
        const ack = await publish(event);
        outcome.published.push(event.position);
        if (ack.duplicate) outcome.duplicates += 1;
      } catch (error) {
        outcome.failed.push({ event, error: error instanceof Error ? error : new Error(String(error)) });
        return;
      }
    }
  };
  await Promise.all(chainsByAggregate(events).map(publishChain));
  return outcome;
}

/** The batch split per aggregate, each chain in version order. */
function chainsByAggregate(events: readonly ClaimedEvent[]): ClaimedEvent[][] {
  const chains = new Map<string, ClaimedEvent[]>();
  for (const event of events) {
    const key = `${event.envelope.aggregateType}\u0000${event.envelope.aggregateId}`;
    const chain = chains.get(key);
    if (chain) chain.push(event);
    else chains.set(key, [event]);
  }
  for (const chain of chains.values()) chain.sort((a, b) => a.envelope.aggregateVersion - b.envelope.aggregateVersion);
  return [...chains.values()];
}
