import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import type { Logger } from '@shop/logger';
import { consumerDeadLetters, consumerEventsHandled, consumerPendingMessages, consumerRedeliveries } from '@shop/metrics';
import { EVENT_PARTITIONS, type Envelope } from '@shop/events';
import type { NatsConnection } from '@shop/nats';
import type { Pool, Tx } from '@shop/postgres';
import type { EventHandler } from './inbox.js';
import { laneConsumer, openMessages, type Lane } from './lane-messages.js';
import { processMessage, type ProcessorContext } from './message-processor.js';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_HOLD_MS, DEFAULT_RETRY_DELAYS, OUTAGE_RETRY_DELAYS, retryDelayMs, retrySchedule, type RetryDelays } from './retry-policy.js';
import { consumeOwnedLane, type RunningLane } from './owned-lane.js';
import { partitionFilter, subjectMatches } from './subject-filter.js';

/** What a service states to consume another service's events. */
export interface ConsumerOptions {
  connection: NatsConnection;
  /** The consuming service's own database: the inbox, the dead letters and the handler's effects live there. */
  pool: Pool;
  /** The publishing service's stream, `streamOf('catalog')`. */
  stream: { name: string; subjects: string[] };
  /** The durable consumer's name on the stream, and the inbox's `consumer` column: one per purpose ("order-stock-saga"). */
  durable: string;
  /**
   * The events wanted, by their type's subject (shop.order.order.created, or with wildcards: shop.order.order.>);
   * the consumer adds the partition token they are published with. Anything else on the stream is acked unseen.
   */
  filterSubjects: readonly string[];
  handler: EventHandler;
  logger: Logger;
  /** Handler attempts before an event goes to the dead letters (CONSUMER_MAX_ATTEMPTS, default 5). */
  maxAttempts?: number;
  /** The nak delay between attempts: doubles from initialMs up to maxMs (default 1 s up to 60 s). */
  retryDelays?: RetryDelays;
  /**
   * The most the waits between a failing event's attempts add up to (CONSUMER_MAX_HOLD_MS, default 30 s): a poison
   * event is dead-lettered by then, so it holds the stream no longer (plus its handler runs). Failures of the
   * database or of what the handler writes to (UNAVAILABLE) are an outage, not poison: they wait without limit.
   */
  maxHoldMs?: number;
  /** How long NATS waits for an ack before it redelivers (default 30 s); a message in progress keeps extending it. */
  ackWaitMs?: number;
  /**
   * Take each of the stream's EVENT_PARTITIONS partitions through a durable of its own (`<durable>-<n>`), one
   * message at a time each: an aggregate's events stay in order (they share a partition) while other aggregates'
   * events are handled beside them. Without it, one durable takes the whole stream in order, one at a time.
   */
  partitioned?: boolean;
  /**
   * Up to this many of a lane's events handled in one transaction (default 1: one at a time). Give it only when
   * the handler's effects are all in the transaction it is handed (nothing outside Postgres), so one commit can
   * hold several events. Each lane then has one owner at a time among the service's instances (LaneLock), and
   * a failing event is retried in place, holding its lane, so order is kept as without batches.
   */
  batchSize?: number;
  /**
   * Runs first in each batch's transaction, with the batch's events: lock here, in one global order, the rows the
   * events will lock, so that batches of different lanes wait for each other instead of deadlocking.
   */
  prepareBatch?: BatchPreparation;
  /** How often an instance that does not own a batch lane tries to take it (default LANE_STANDBY_POLL_MS). */
  standbyPollMs?: number;
}

/** What a batch consumer's prepareBatch does: take the batch's locks, in the transaction its events then run in. */
export type BatchPreparation = (tx: Tx, envelopes: readonly Envelope[]) => Promise<void>;

/** The limits a service's settings give each of its consumers. */
export type ConsumerLimits = Pick<ConsumerOptions, 'maxAttempts' | 'maxHoldMs'>;

/** A running consumer. */
export interface EventConsumer {
  /** Resolves once the stream and the durable consumer exist and messages are being pulled (or once it ended first). */
  ready: Promise<void>;
  /** Lets the message in hand finish (commit, then ack), stops pulling, and resolves when the consumer has ended. */
  stop(): Promise<void>;
}

const DURABLE_NAME = /^[A-Za-z0-9_-]+$/;

/** The batchSize for a handler whose effects are all in its transaction: enough to share a commit widely, small enough to hold. */
export const TRANSACTIONAL_BATCH_SIZE = 32;

/** The largest batchSize: a batch is one transaction, and its messages are held (in flight) until it commits. */
export const MAX_BATCH_SIZE = 256;

/**
 * Starts consuming in the background, one message at a time in stream order (per partition, when partitioned).
 * It never throws after start: NATS or Postgres going away is logged and retried, the stream and consumer are
 * (re)created as needed, and only `stop()` or closing the connection ends it. Bad options throw here, at once.
 */
export function startConsumer(options: ConsumerOptions): EventConsumer {
  if (!DURABLE_NAME.test(options.durable)) throw new Error(`consumer name "${options.durable}" must be letters, digits, - and _`);
  if (options.filterSubjects.length === 0) throw new Error(`consumer ${options.durable}: filterSubjects is empty`);
  for (const filter of options.filterSubjects) {
    if (!options.stream.subjects.some((subject) => subjectMatches(subject, filter))) {
      throw new Error(`consumer ${options.durable}: filter subject ${filter} is outside stream ${options.stream.name} (${options.stream.subjects.join(', ')})`);
    }
  }
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`consumer ${options.durable}: maxAttempts must be a positive integer`);
  const maxHoldMs = options.maxHoldMs ?? DEFAULT_MAX_HOLD_MS;
  if (!(maxHoldMs >= 0)) throw new Error(`consumer ${options.durable}: maxHoldMs must be zero or more`);
  const retryDelays = options.retryDelays ?? DEFAULT_RETRY_DELAYS;
  const inFlight = options.batchSize ?? 1;
  if (!Number.isInteger(inFlight) || inFlight < 1 || inFlight > MAX_BATCH_SIZE) throw new Error(`consumer ${options.durable}: batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}`);
  const lanes: Lane[] = options.partitioned
    ? Array.from({ length: EVENT_PARTITIONS }, (_, partition) => ({
        durable: `${options.durable}-${partition}`,
        filterSubjects: options.filterSubjects.map((filter) => partitionFilter(filter, partition)),
        inFlight,
      }))
    : [{ durable: options.durable, filterSubjects: options.filterSubjects.map((filter) => partitionFilter(filter, '*')), inFlight }];

  const controller = new AbortController();
  const log = options.logger.child({ consumer: options.durable, stream: options.stream.name });
  const shared = {
    pool: options.pool,
    consumer: options.durable,
    handler: options.handler,
    prepareBatch: options.prepareBatch,
    maxAttempts,
    retryDelays,
    schedule: retrySchedule(maxAttempts, retryDelays, maxHoldMs),
    ackWaitMs: options.ackWaitMs ?? 30_000,
    signal: controller.signal,
  };
  const running = lanes.map((lane) => {
    const context = { ...shared, filterSubjects: lane.filterSubjects, log: lanes.length > 1 ? log.child({ durable: lane.durable }) : log };
    return inFlight > 1 ? consumeOwnedLane(options, lane, context, options.standbyPollMs) : consumeLane(options, lane, context);
  });
  log.info({ filterSubjects: options.filterSubjects, durables: lanes.map((lane) => lane.durable), batchSize: inFlight, maxAttempts, retryScheduleMs: shared.schedule }, 'consumer starting');

  const unobserve = consumerPendingMessages.add(() => pendingMessages(options, lanes));
  // Counters start at zero, so a dashboard sees "no dead letters" rather than no series at all.
  for (const counter of [consumerRedeliveries, consumerDeadLetters, consumerEventsHandled]) counter.inc({ consumer: options.durable }, 0);

  return {
    ready: Promise.all(running.map((lane) => lane.ready)).then(() => {}),
    async stop() {
      unobserve();
      controller.abort();
      await Promise.all(running.map((lane) => lane.stop()));
    },
  };
}

/** Each lane's messages not delivered yet, for event_consumer_pending_messages. */
async function pendingMessages(options: ConsumerOptions, lanes: readonly Lane[]) {
  const manager = await jetstreamManager(options.connection);
  return Promise.all(
    lanes.map(async (lane) => ({
      labels: { consumer: options.durable, durable: lane.durable },
      value: (await manager.consumers.info(options.stream.name, lane.durable)).num_pending,
    })),
  );
}

/** Pulls one lane's messages one at a time, processing each to its end, until stopped or the connection closes. */
function consumeLane(options: ConsumerOptions, lane: Lane, context: ProcessorContext): RunningLane {
  const { log, signal } = context;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let current: ConsumerMessages | undefined;

  const running = (async () => {
    let failures = 0;
    while (!signal.aborted && !options.connection.isClosed()) {
      let handled = 0;
      try {
        current = await openMessages(await laneConsumer(options, lane, context), lane, context);
        if (signal.aborted) current.stop(); // stop() came while it was opening
        markReady();
        for await (const msg of current) {
          if (signal.aborted) {
            // Pulled but not started: straight back to the stream (a closed connection gives it back anyway).
            if (!options.connection.isClosed()) msg.nak();
            break;
          }
          await processMessage(msg, context);
          handled += 1;
        }
      } catch (error) {
        if (!signal.aborted && !options.connection.isClosed()) log.warn({ err: error }, 'consumer not running (NATS unreachable?); trying again');
      } finally {
        current?.stop();
        current = undefined;
      }
      failures = handled > 0 ? 1 : failures + 1;
      const pause = sleep(retryDelayMs(failures, OUTAGE_RETRY_DELAYS), undefined, { signal }).catch(() => {});
      await Promise.race([pause, options.connection.closed()]);
    }
    log.info(signal.aborted ? 'consumer stopped' : 'NATS connection closed; consumer ended');
    markReady();
  })();

  return {
    ready,
    async stop() {
      current?.stop();
      await running;
    },
  };
}
