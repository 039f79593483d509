import { setTimeout as sleep } from 'node:timers/promises';
import type { JsMsg } from '@nats-io/jetstream';
import type { Envelope } from '@shop/events';
import { consumerEventsHandled } from '@shop/metrics';
import { batchSpan, eventSpan } from './consumer-spans.js';
import { handleInTransaction } from './inbox.js';
import type { LaneLock } from './lane-lock.js';
import { acknowledge, deadLetter, settle, wantedEvent, type ProcessorContext } from './message-processor.js';
import { isTransientError, OUTAGE_RETRY_DELAYS, retryDelayMs } from './retry-policy.js';

/**
 * How a batch ended: the events it handled, and when the lane must stop (stopping, or the lock was lost) the
 * messages it did not settle, in stream order, for the lane to give back.
 */
export interface BatchOutcome {
  handled: number;
  unsettled: JsMsg[];
}

interface HeldEvent {
  msg: JsMsg;
  envelope: Envelope;
}

/**
 * Takes a batch of one lane's messages, in stream order, to its end. Every event of the batch is handled in ONE
 * transaction on the lane's lock (one commit instead of one per event), then all are acked. When that transaction
 * fails, the batch is handled again one event at a time, each to its end before the next: a failing event is
 * retried in place (its lane holds the messages behind it, so they wait, as they must), then dead-lettered.
 * When the lane stops or loses its lock, it returns what it did not handle, for the lane to give back.
 */
export async function processBatch(batch: readonly JsMsg[], lock: LaneLock, context: ProcessorContext): Promise<BatchOutcome> {
  const keepAlive = setInterval(() => batch.forEach((msg) => settle(context, 'working', () => msg.working())), Math.max(500, context.ackWaitMs / 3));
  try {
    const events = await setAsideTheRest(batch, context);
    if (events.length === 0) return { handled: 0, unsettled: [] };
    try {
      const envelopes = events.map(({ envelope }) => envelope);
      await batchSpan(context.consumer, envelopes, () =>
        lock.transaction(async (tx) => {
          await context.prepareBatch?.(tx, envelopes);
          for (const envelope of envelopes) await eventSpan(context.consumer, envelope, () => handleInTransaction(tx, context.consumer, envelope, context.handler));
        }),
      );
      consumerEventsHandled.inc({ consumer: context.consumer }, events.length);
      await Promise.all(events.map(({ msg }) => acknowledge(msg, context)));
      return { handled: events.length, unsettled: [] };
    } catch (error) {
      if (!lock.alive || context.signal.aborted) return giveBack(events, 0);
      context.log.debug({ err: error, events: events.length }, 'batch failed; handling its events one at a time');
    }
    for (const [index, event] of events.entries()) {
      if ((await handleAlone(event, lock, context)) === 'stopped') return giveBack(events, index);
    }
    return { handled: events.length, unsettled: [] };
  } finally {
    clearInterval(keepAlive);
  }
}

/** Settles the messages the consumer does not want or cannot read (wantedEvent); returns the events to handle. */
async function setAsideTheRest(batch: readonly JsMsg[], context: ProcessorContext): Promise<HeldEvent[]> {
  const events: HeldEvent[] = [];
  for (const msg of batch) {
    const envelope = await wantedEvent(msg, context);
    if (envelope) events.push({ msg, envelope });
  }
  return events;
}

/**
 * One event in a transaction of its own, retried in place: failures of the event count as attempts (up to the
 * dead letters, on the consumer's schedule), outages do not. Attempts are counted from this delivery, so an
 * outage that cost the lane its lock (and redelivered the event) never dead-letters it.
 */
async function handleAlone({ msg, envelope }: HeldEvent, lock: LaneLock, context: ProcessorContext): Promise<'handled' | 'dead-lettered' | 'stopped'> {
  let attempt = 1;
  let outages = 0;
  for (;;) {
    try {
      await eventSpan(context.consumer, envelope, () => lock.transaction((tx) => handleInTransaction(tx, context.consumer, envelope, context.handler)));
      consumerEventsHandled.inc({ consumer: context.consumer });
      await acknowledge(msg, context);
      return 'handled';
    } catch (error) {
      if (!lock.alive || context.signal.aborted) return 'stopped';
      let delayMs: number | undefined;
      if (isTransientError(error)) {
        outages += 1;
        delayMs = retryDelayMs(outages, OUTAGE_RETRY_DELAYS);
        context.log.warn({ err: error, eventId: envelope.eventId, delayMs }, 'a dependency is unavailable; retrying without counting an attempt');
      } else {
        delayMs = context.schedule[attempt - 1];
        if (attempt >= context.maxAttempts || delayMs === undefined) {
          await deadLetter(msg, context, envelope, error, attempt);
          return 'dead-lettered';
        }
        context.log.warn({ err: error, eventId: envelope.eventId, eventType: envelope.eventType, attempt, delayMs }, 'handler failed; the event will be retried');
        attempt += 1;
      }
      const waited = await sleep(delayMs, true, { signal: context.signal }).catch(() => false);
      if (!waited) return 'stopped';
    }
  }
}

/** The events from `from` on, which the lane gives back to the stream for its next owner. */
function giveBack(events: readonly HeldEvent[], from: number): BatchOutcome {
  return { handled: from, unsettled: events.slice(from).map(({ msg }) => msg) };
}
