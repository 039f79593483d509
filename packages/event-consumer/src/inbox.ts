import type { Envelope } from '@shop/events';
import { withTransaction, type Pool, type Tx } from '@shop/postgres';

/** What a consumer does with one event: its effects, written through `tx`, the transaction that records the event in the inbox. */
export type EventHandler = (tx: Tx, envelope: Envelope) => Promise<void>;

/** 'handled' when the handler ran (its effects commit with the inbox row); 'duplicate' when the inbox already had the event. */
export type HandleOutcome = 'handled' | 'duplicate';

/**
 * Records the event in `consumer`'s inbox and, if it was not there yet, runs the handler, all inside `tx`.
 * A second delivery of the same event (a redelivery, or a republish under another message id) waits on the
 * first one's row lock and then finds the row: it never runs the handler again.
 */
export async function handleInTransaction(tx: Tx, consumer: string, envelope: Envelope, handler: EventHandler): Promise<HandleOutcome> {
  const { rowCount } = await tx.query(
    `INSERT INTO inbox (consumer, event_id, aggregate_type, aggregate_id, aggregate_version, event_type)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (consumer, event_id) DO NOTHING`,
    [consumer, envelope.eventId, envelope.aggregateType, envelope.aggregateId, envelope.aggregateVersion, envelope.eventType],
  );
  if (rowCount !== 1) return 'duplicate';
  await handler(tx, envelope);
  return 'handled';
}

/** handleInTransaction in a transaction of its own: the consumer's unit of work per message, committed before the ack. */
export function handleOnce(pool: Pool, consumer: string, envelope: Envelope, handler: EventHandler): Promise<HandleOutcome> {
  return withTransaction(pool, (tx) => handleInTransaction(tx, consumer, envelope, handler));
}
