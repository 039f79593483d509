import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@shop/nats';
import { processBatch } from './batch-processor.js';
import { LaneLock } from './lane-lock.js';
import { laneConsumer, type Lane, type LaneSource } from './lane-messages.js';
import type { ProcessorContext } from './message-processor.js';
import { OUTAGE_RETRY_DELAYS, retryDelayMs } from './retry-policy.js';

/** How often an instance that is not a lane's owner tries to take it (the owner may have stopped or died). */
export const LANE_STANDBY_POLL_MS = 2_000;

/**
 * How long one pull request of a batch lane waits for messages (NATS's minimum). A lane that stops waits for its
 * last pull to end rather than cancelling it: a cancelled pull can still deliver to nobody, and such a message
 * would stay in flight, unseen, for the ack wait.
 */
const PULL_EXPIRES_MS = 1_000;

/** A lane running in the background. */
export interface RunningLane {
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs a batch lane: takes the lane's lock (or stands by and tries again), then pulls up to `lane.inFlight`
 * messages at a time and hands what has arrived to processBatch, until stopped, the lock is lost, or NATS ends.
 */
export function consumeOwnedLane(source: LaneSource, lane: Lane, context: ProcessorContext, standbyPollMs = LANE_STANDBY_POLL_MS): RunningLane {
  const { log, signal } = context;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let stopPulling: () => void = () => {};
  // This instance's last ownership of the lane, when it ended holding no message (even if it could not record that).
  let leftCleanly: string | undefined;

  const running = (async () => {
    let failures = 0;
    let standingBy = false;
    while (!signal.aborted && !source.connection.isClosed()) {
      let lock: LaneLock | undefined;
      let waitMs = standbyPollMs;
      try {
        lock = await LaneLock.tryTake(context.pool, `shop.consumer.${lane.durable}`, () => stopPulling());
        if (!lock) {
          if (!standingBy) log.info('another instance owns this lane; standing by');
          standingBy = true;
          markReady();
        } else {
          standingBy = false;
          const owner = randomUUID();
          const previous = await lock.claim(owner);
          const consumer = await laneConsumer(source, lane, context);
          if (!previous.clean && previous.previousOwner !== leftCleanly) await waitForAnEarlierOwnersMessages(consumer, context);
          markReady();
          const run = await ownLane(consumer, source.connection, lane, lock, context, (stop) => (stopPulling = stop));
          leftCleanly = run.clean ? owner : undefined;
          if (run.clean && lock.alive) await lock.markClean(owner);
          if (!lock.alive && !signal.aborted) log.warn({ reason: lock.lossReason }, 'the lane lock was lost; taking it again when possible');
          if (run.error) throw run.error;
          failures = run.handled > 0 ? 1 : failures + 1;
          waitMs = retryDelayMs(failures, OUTAGE_RETRY_DELAYS);
        }
      } catch (error) {
        if (!signal.aborted && !source.connection.isClosed()) log.warn({ err: error }, 'lane not running (NATS or Postgres unreachable?); trying again');
        failures += 1;
        waitMs = retryDelayMs(failures, OUTAGE_RETRY_DELAYS);
      } finally {
        await lock?.release();
      }
      const pause = sleep(waitMs, undefined, { signal }).catch(() => {});
      await Promise.race([pause, source.connection.closed()]);
    }
    log.info(signal.aborted ? 'consumer stopped' : 'NATS connection closed; consumer ended');
    markReady();
  })();

  return {
    ready,
    async stop() {
      stopPulling();
      await running;
    },
  };
}

/**
 * An owner that died holding messages leaves them unacknowledged until the ack wait ends; pulling at once would
 * hand the new owner the messages behind them first. So a new owner that finds messages in flight, after an
 * owner that did not record a clean exit, waits out the ack wait: NATS then redelivers them ahead of newer ones.
 * (Messages given back with a nak also count as in flight, but come back first: a clean exit needs no wait.)
 */
async function waitForAnEarlierOwnersMessages(consumer: Consumer, context: ProcessorContext): Promise<void> {
  const { num_ack_pending: inFlight } = await consumer.info();
  if (inFlight === 0) return;
  context.log.info({ inFlight, waitMs: context.ackWaitMs }, 'the previous owner may have died holding messages; waiting for them to come back first');
  await sleep(context.ackWaitMs + 1_000, undefined, { signal: context.signal }).catch(() => {});
}

/** How an ownership ended: events handled, whether it let the lane go holding nothing, and a pull failure. */
interface LaneRun {
  handled: number;
  clean: boolean;
  error?: unknown;
}

/**
 * Pulls into a queue as messages arrive, and processes whatever the queue holds as one batch whenever the
 * previous batch is done: batches are small when traffic is light and grow with it. At the end it lets the last
 * pull finish, gives back what it holds, and checks with NATS that nothing else is in flight to it.
 */
async function ownLane(
  consumer: Consumer,
  connection: NatsConnection,
  lane: Lane,
  lock: LaneLock,
  context: ProcessorContext,
  onStop: (stop: () => void) => void,
): Promise<LaneRun> {
  const queue: JsMsg[] = [];
  let pulling = !context.signal.aborted;
  let arrived: (() => void) | undefined;
  let pullError: unknown;
  onStop(() => {
    pulling = false;
    arrived?.();
  });
  const pump = (async () => {
    try {
      while (pulling) {
        const messages = await consumer.fetch({ max_messages: lane.inFlight, expires: PULL_EXPIRES_MS });
        for await (const msg of messages) {
          queue.push(msg);
          arrived?.();
        }
      }
    } catch (error) {
      pullError = error;
    } finally {
      pulling = false;
      arrived?.();
    }
  })();

  let handled = 0;
  const unsettled: JsMsg[] = [];
  try {
    while (lock.alive && !context.signal.aborted) {
      if (queue.length === 0) {
        if (!pulling) break;
        await new Promise<void>((resolve) => (arrived = resolve));
        arrived = undefined;
        continue;
      }
      const outcome = await processBatch(queue.splice(0, queue.length), lock, context);
      handled += outcome.handled;
      unsettled.push(...outcome.unsettled);
      if (outcome.unsettled.length > 0) break;
    }
  } finally {
    pulling = false;
    await pump;
    unsettled.push(...queue.splice(0, queue.length));
  }
  const givenBack = await giveBack(unsettled, connection, context);
  return { handled, clean: givenBack && (await holdsNothingElse(consumer, context, unsettled.length)), error: pullError };
}

const NAK = new TextEncoder().encode('-NAK');

/**
 * Gives the messages back (nak, in stream order) and waits for NATS to confirm each one: a new owner's first pull
 * must find them queued for redelivery, ahead of the messages behind them. False if any was not confirmed.
 */
async function giveBack(messages: readonly JsMsg[], connection: NatsConnection, context: ProcessorContext): Promise<boolean> {
  const confirmed = await Promise.all(
    messages.map(async (msg) => {
      // The ack subject of the message (JsMsgImpl's, not on the JsMsg interface); the server answers an ack sent as a request once it is applied.
      const ackSubject = (msg as JsMsg & { reply?: string }).reply;
      if (!ackSubject) return false;
      try {
        await connection.request(ackSubject, NAK, { timeout: 5_000 });
        return true;
      } catch (error) {
        context.log.debug({ err: error, seq: msg.seq }, 'a nak was not confirmed; NATS will redeliver the message after the ack wait');
        return false;
      }
    }),
  );
  return confirmed.every(Boolean);
}

/** True when every message still in flight on the durable is one this owner gave back (so none is lost in transit). */
async function holdsNothingElse(consumer: Consumer, context: ProcessorContext, givenBack: number): Promise<boolean> {
  try {
    const info = await consumer.info();
    return info.num_ack_pending === givenBack;
  } catch (error) {
    context.log.debug({ err: error }, 'could not check what is in flight; the next owner will wait out the ack wait');
    return false;
  }
}
