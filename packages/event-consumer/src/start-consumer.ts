import { setTimeout as sleep } from 'node:timers/promises';
import type { ConsumerMessages } from '@nats-io/jetstream';
import type { Logger } from '@shop/logger';
import { ensureStream, type NatsConnection } from '@shop/nats';
import type { Pool } from '@shop/postgres';
import { ensureDurableConsumer } from './durable-consumer.js';
import type { EventHandler } from './inbox.js';
import { processMessage, type ProcessorContext } from './message-processor.js';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_HOLD_MS, DEFAULT_RETRY_DELAYS, OUTAGE_RETRY_DELAYS, retryDelayMs, retrySchedule, type RetryDelays } from './retry-policy.js';
import { subjectMatches } from './subject-filter.js';

/** What a service states to consume another service's events. */
export interface ConsumerOptions {
  connection: NatsConnection;
  /** The consuming service's own database: the inbox, the dead letters and the handler's effects live there. */
  pool: Pool;
  /** The publishing service's stream, `streamOf('catalog')`. */
  stream: { name: string; subjects: string[] };
  /** The durable consumer's name on the stream, and the inbox's `consumer` column: one per purpose ("order-stock-saga"). */
  durable: string;
  /** The subjects wanted (NATS wildcards allowed); anything else on the stream is acked unseen. */
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
}

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

/**
 * Starts consuming in the background, one message at a time in stream order. It never throws after start: NATS
 * or Postgres going away is logged and retried, the stream and consumer are (re)created as needed, and only
 * `stop()` or closing the connection ends it. Bad options throw here, at once.
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

  const controller = new AbortController();
  const log = options.logger.child({ consumer: options.durable, stream: options.stream.name });
  const context: ProcessorContext = {
    pool: options.pool,
    consumer: options.durable,
    filterSubjects: options.filterSubjects,
    handler: options.handler,
    maxAttempts,
    retryDelays,
    schedule: retrySchedule(maxAttempts, retryDelays, maxHoldMs),
    ackWaitMs: options.ackWaitMs ?? 30_000,
    log,
    signal: controller.signal,
  };
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let current: ConsumerMessages | undefined;

  const running = (async () => {
    let failures = 0;
    while (!controller.signal.aborted && !options.connection.isClosed()) {
      let handled = 0;
      try {
        current = await openMessages(options, context);
        if (controller.signal.aborted) current.stop(); // stop() came while it was opening
        markReady();
        for await (const msg of current) {
          if (controller.signal.aborted) {
            // Pulled but not started: straight back to the stream (a closed connection gives it back anyway).
            if (!options.connection.isClosed()) msg.nak();
            break;
          }
          await processMessage(msg, context);
          handled += 1;
        }
      } catch (error) {
        if (!controller.signal.aborted && !options.connection.isClosed()) log.warn({ err: error }, 'consumer not running (NATS unreachable?); trying again');
      } finally {
        current?.stop();
        current = undefined;
      }
      failures = handled > 0 ? 1 : failures + 1;
      const pause = sleep(retryDelayMs(failures, OUTAGE_RETRY_DELAYS), undefined, { signal: controller.signal }).catch(() => {});
      await Promise.race([pause, options.connection.closed()]);
    }
    log.info(controller.signal.aborted ? 'consumer stopped' : 'NATS connection closed; consumer ended');
    markReady();
  })();
  log.info({ filterSubjects: options.filterSubjects, maxAttempts, retryScheduleMs: context.schedule }, 'consumer starting');

  return {
    ready,
    async stop() {
      controller.abort();
      current?.stop();
      await running;
    },
  };
}

/** Ensures stream and durable consumer, then pulls one message at a time; ends when the consumer or stream vanished. */
async function openMessages(options: ConsumerOptions, context: ProcessorContext): Promise<ConsumerMessages> {
  await ensureStream(options.connection, options.stream);
  const consumer = await ensureDurableConsumer(options.connection, {
    stream: options.stream.name,
    durable: options.durable,
    filterSubjects: options.filterSubjects,
    ackWaitMs: context.ackWaitMs,
  });
  const messages = await consumer.consume({ max_messages: 1, expires: 10_000 });
  const watch = async () => {
    for await (const status of messages.status()) {
      if (status.type === 'consumer_not_found' || status.type === 'consumer_deleted' || status.type === 'stream_not_found') {
        context.log.warn({ status: status.type }, 'the durable consumer or its stream is gone; creating them again');
        messages.stop();
      }
    }
  };
  watch().catch(() => {}); // ends with the messages
  return messages;
}
