import type { Logger } from '@shop/logger';
import { withTransaction, type Pool } from '@shop/postgres';
import { listDeadLetters, lockWaitingDeadLetter, markRedriven, recordRedriveFailure } from './dead-letter-store.js';
import { handleInTransaction, type EventHandler, type HandleOutcome } from './inbox.js';
import { decodeEventEnvelope } from './read-message.js';
import { errorText } from './retry-policy.js';

/** Which dead letters to run again, and the handler to run them with (normally the consumer's own). */
export interface RedriveOptions {
  pool: Pool;
  /** The consumer (durable) name the letters were filed under. */
  consumer: string;
  handler: EventHandler;
  /** Only this event; otherwise every waiting letter of the consumer, oldest first. */
  eventId?: string;
  logger?: Logger;
}

/** How a redrive went: applied now, found already applied by a later delivery, failed again. */
export interface RedriveResult {
  redriven: number;
  alreadyHandled: number;
  failed: number;
}

/**
 * Runs the handler again for dead letters once their cause is fixed. Each letter is applied in one transaction
 * with its inbox row and its redriven_at mark, so it takes effect exactly once however often this runs, and
 * concurrent redrives skip each other's letters. A letter that fails again stays waiting, with one more attempt
 * and its new error. Note that a redriven event arrives after the later events of its aggregate.
 */
export async function redriveDeadLetters(options: RedriveOptions): Promise<RedriveResult> {
  const eventIds = options.eventId ? [options.eventId] : (await listDeadLetters(options.pool, options.consumer)).map((letter) => letter.eventId);
  const result: RedriveResult = { redriven: 0, alreadyHandled: 0, failed: 0 };
  for (const eventId of eventIds) {
    const outcome = await redriveOne(options, eventId);
    if (outcome === 'handled') result.redriven += 1;
    else if (outcome === 'duplicate') result.alreadyHandled += 1;
    else if (outcome === 'failed') result.failed += 1;
  }
  return result;
}

async function redriveOne(options: RedriveOptions, eventId: string): Promise<HandleOutcome | 'failed' | 'not waiting'> {
  const log = options.logger?.child({ consumer: options.consumer, eventId });
  try {
    const outcome = await withTransaction(options.pool, async (tx) => {
      const letter = await lockWaitingDeadLetter(tx, options.consumer, eventId);
      if (!letter) return 'not waiting' as const;
      const handled = await handleInTransaction(tx, options.consumer, decodeEventEnvelope(letter.envelope), options.handler);
      await markRedriven(tx, options.consumer, eventId);
      return handled;
    });
    if (outcome !== 'not waiting') log?.info({ outcome }, 'dead letter redriven');
    return outcome;
  } catch (error) {
    log?.warn({ err: error }, 'dead letter failed again');
    await recordRedriveFailure(options.pool, options.consumer, eventId, errorText(error));
    return 'failed';
  }
}
