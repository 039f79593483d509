import type { JsMsg } from '@nats-io/jetstream';
import type { Envelope } from '@shop/events';
import type { Logger } from '@shop/logger';
import { consumerDeadLetters, consumerEventsHandled, consumerRedeliveries } from '@shop/metrics';
import type { Pool, Tx } from '@shop/postgres';
import { eventSpan } from './consumer-spans.js';
import { writeDeadLetter } from './dead-letter-store.js';
import { handleOnce, type EventHandler, type HandleOutcome } from './inbox.js';
import { readMessage } from './read-message.js';
import { errorText, retryWhileTransient, type RetryDelays } from './retry-policy.js';
import { subjectMatches } from './subject-filter.js';

/** What processing a message needs: the consumer's settings, its logger, and the signal that it is stopping. */
export interface ProcessorContext {
  pool: Pool;
  consumer: string;
  filterSubjects: readonly string[];
  handler: EventHandler;
  /** A batch lane's first step in each batch transaction (ConsumerOptions.prepareBatch). */
  prepareBatch?: ((tx: Tx, envelopes: readonly Envelope[]) => Promise<void>) | undefined;
  maxAttempts: number;
  retryDelays: RetryDelays;
  /** The nak delay after each failed attempt (retrySchedule); an attempt without one is the last. */
  schedule: readonly number[];
  ackWaitMs: number;
  log: Logger;
  signal: AbortSignal;
}

/**
 * Takes one message to its end: handled once and acked after the commit, or nak'd for a later attempt, or
 * dead-lettered and terminated. Never throws: whatever happens, the consumer goes on with the next message.
 */
export async function processMessage(msg: JsMsg, context: ProcessorContext): Promise<void> {
  // A handler (or an outage) may take longer than the ack wait: keep telling NATS the message is in progress.
  const keepAlive = setInterval(() => settle(context, 'working', () => msg.working()), Math.max(500, context.ackWaitMs / 3));
  try {
    await processUnguarded(msg, context);
  } catch (error) {
    context.log.error({ err: error, subject: msg.subject }, 'unexpected failure processing a message; it will be redelivered');
    settle(context, 'nak', () => msg.nak(longestWait(context)));
  } finally {
    clearInterval(keepAlive);
  }
}

/**
 * The event a message carries, for the handler; undefined when the message is settled here already: acked when
 * the consumer does not want its subject, dead-lettered when it is not an envelope. Counts redeliveries.
 */
export async function wantedEvent(msg: JsMsg, context: ProcessorContext): Promise<Envelope | undefined> {
  if (msg.info.redelivered) consumerRedeliveries.inc({ consumer: context.consumer });
  if (!context.filterSubjects.some((filter) => subjectMatches(filter, msg.subject))) {
    await acknowledge(msg, context);
    return undefined;
  }
  const read = readMessage(msg);
  if (read.kind === 'event') return read.envelope;
  await deadLetter(msg, context, { eventId: read.eventId, eventType: null }, read.error);
  return undefined;
}

async function processUnguarded(msg: JsMsg, context: ProcessorContext): Promise<void> {
  const envelope = await wantedEvent(msg, context);
  if (!envelope) return;
  let outcome: HandleOutcome;
  try {
    outcome = await retryWhileTransient(() => eventSpan(context.consumer, envelope, () => handleOnce(context.pool, context.consumer, envelope, context.handler)), outage(context, envelope));
  } catch (error) {
    // Stopping while the database is away: give the message back at once, for the next instance or start.
    if (context.signal.aborted) settle(context, 'nak', () => msg.nak());
    else await failedAttempt(msg, context, envelope, error);
    return;
  }
  if (outcome === 'handled') consumerEventsHandled.inc({ consumer: context.consumer });
  context.log.debug({ eventId: envelope.eventId, eventType: envelope.eventType }, outcome === 'handled' ? 'event handled' : 'event already handled; acknowledged again');
  await acknowledge(msg, context);
}

async function failedAttempt(msg: JsMsg, context: ProcessorContext, envelope: Envelope, error: unknown): Promise<void> {
  const attempt = msg.info.deliveryCount;
  const delayMs = context.schedule[attempt - 1];
  if (attempt >= context.maxAttempts || delayMs === undefined) {
    await deadLetter(msg, context, envelope, error);
    return;
  }
  context.log.warn({ err: error, eventId: envelope.eventId, eventType: envelope.eventType, attempt, delayMs }, 'handler failed; the event will be retried');
  settle(context, 'nak', () => msg.nak(delayMs));
}

/**
 * Files the message in dead_letters and terminates it, so the stream moves on; if filing fails, the message stays.
 * `attempts` is the deliveries by default; a batch lane, which retries in place, gives its own count.
 */
export async function deadLetter(
  msg: JsMsg,
  context: ProcessorContext,
  event: Pick<Envelope, 'eventId'> & { eventType: string | null },
  error: unknown,
  attempts = msg.info.deliveryCount,
): Promise<void> {
  const letter = {
    consumer: context.consumer,
    eventId: event.eventId,
    eventType: event.eventType,
    subject: msg.subject,
    envelope: msg.data,
    attempts,
    lastError: errorText(error),
  };
  try {
    await retryWhileTransient(() => writeDeadLetter(context.pool, letter), outage(context, event));
  } catch (writeError) {
    if (!context.signal.aborted) context.log.error({ err: writeError, eventId: event.eventId }, 'could not write the dead letter; the event stays on the stream');
    settle(context, 'nak', () => msg.nak(context.signal.aborted ? undefined : longestWait(context)));
    return;
  }
  consumerDeadLetters.inc({ consumer: context.consumer });
  context.log.error({ err: error, eventId: event.eventId, eventType: event.eventType, attempts: letter.attempts }, 'event moved to the dead letters');
  settle(context, 'term', () => msg.term());
}

/** The wait before a message that could not be processed at all comes again: the longest retry delay, within the hold. */
function longestWait(context: ProcessorContext): number {
  return Math.max(...context.schedule, context.retryDelays.initialMs);
}

export function outage(context: ProcessorContext, event: Pick<Envelope, 'eventId'>) {
  return {
    signal: context.signal,
    onRetry: (error: unknown, delayMs: number) =>
      context.log.warn({ err: error, eventId: event.eventId, delayMs }, 'a dependency is unavailable (the database, or what the handler writes to); retrying without counting an attempt'),
  };
}

/** Acks and waits for NATS to confirm. An ack lost to an outage is harmless: the redelivery finds the inbox row. */
export async function acknowledge(msg: JsMsg, context: ProcessorContext): Promise<void> {
  try {
    await msg.ackAck();
  } catch (error) {
    context.log.warn({ err: error, subject: msg.subject, seq: msg.seq }, 'ack not confirmed; a redelivery will be recognised by the inbox');
  }
}

/** nak, term and working fail only when the connection is closed; then the server redelivers, and that is fine. */
export function settle(context: ProcessorContext, what: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    context.log.warn({ err: error }, `could not ${what} the message; it will be redelivered`);
  }
}
