import { setTimeout as sleep } from 'node:timers/promises';
import { DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import { decodeEnvelope, streamOf } from '@shop/events';
import type { Logger } from '@shop/logger';
import { connectNats, ensureStream, type NatsConnection } from '@shop/nats';

/** A running loop over the order service's events. */
export interface OrderEventLoop {
  /** How many times the read ended (or failed) and was started again. */
  readonly restarts: number;
  /** Resolves once the first read is listening (events published before that are not seen), or on stop. */
  readonly listening: Promise<void>;
  stop(): Promise<void>;
}

/** What the loop needs: where NATS is, what to call per event, how long to wait before reading again. */
export interface OrderEventLoopOptions {
  natsUrl: string;
  logger: Logger;
  /** Called with the order id of each event, as it is published. */
  onEvent: (orderId: string) => void;
  /** Pause before a read that ended or failed is started again (ORDER_FEED_RESTART_DELAY_MS). */
  restartDelayMs: number;
}

/**
 * Reads the order stream with an ordered JetStream consumer (no history, no inbox: a missed push is only a
 * missed notification) for as long as the gateway runs. Whenever the read ends or fails (its stream was
 * deleted, the connection closed, anything thrown), it is started again after a pause, from the event after
 * the last one seen, so a restart loses nothing the stream still holds. Connects in the background and
 * retries until NATS is up.
 */
export function startOrderEventLoop(options: OrderEventLoopOptions): OrderEventLoop {
  const log = options.logger.child({ component: 'order-status-feed' });
  const stopping = new AbortController();
  let connection: NatsConnection | undefined;
  let messages: ConsumerMessages | undefined;
  let lastSequence: number | undefined;
  let restarts = 0;
  let markListening: () => void = () => {};
  const listening = new Promise<void>((resolve) => (markListening = resolve));

  const readOnce = async (nats: NatsConnection): Promise<void> => {
    const stream = streamOf('order');
    await ensureStream(nats, stream);
    const start = await startingPoint(nats, stream.name, lastSequence);
    // From here on a restart resumes after what this read has seen, even if it sees nothing.
    lastSequence = start - 1;
    const consumer = await jetstream(nats).consumers.get(stream.name, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: start });
    // Without abort_on_missing_resource an ordered consumer whose stream vanished retries quietly and never ends.
    messages = await consumer.consume({ abort_on_missing_resource: true });
    if (stopping.signal.aborted) return void (await messages.close());
    log.info('order status feed: listening for order events');
    markListening();
    for await (const message of messages) {
      lastSequence = message.seq;
      try {
        options.onEvent(decodeEnvelope(message.data).aggregateId);
      } catch (error) {
        log.warn({ err: error }, 'order status feed: undecodable message skipped');
      }
    }
  };

  const run = async () => {
    while (!stopping.signal.aborted) {
      try {
        if (!connection || connection.isClosed()) connection = await connectNats(options.natsUrl, 'gateway-order-status');
        if (stopping.signal.aborted) break;
        await readOnce(connection);
        if (!stopping.signal.aborted) log.warn('order status feed: the read of order events ended; starting it again');
      } catch (error) {
        if (!stopping.signal.aborted) log.warn({ err: error }, 'order status feed: the read of order events failed; starting it again');
      }
      if (stopping.signal.aborted) break;
      restarts += 1;
      await sleep(options.restartDelayMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
    await connection?.close();
  };
  void run().catch((error: unknown) => log.error({ err: error }, 'order status feed stopped'));

  return {
    get restarts() {
      return restarts;
    },
    listening,
    stop: async () => {
      stopping.abort();
      markListening();
      await messages?.close().catch(() => undefined);
      await connection?.close();
    },
  };
}

/**
 * The stream sequence a read starts at: the event after the last one seen; at first, the next event published
 * from now (fixed here, not when JetStream gets round to creating the consumer, so nothing published after
 * `listening` is missed); from the start when the stream is now shorter than what was seen (it was deleted and
 * made again, so all of it is news).
 */
async function startingPoint(nats: NatsConnection, streamName: string, lastSequence: number | undefined): Promise<number> {
  const { state } = await (await jetstreamManager(nats)).streams.info(streamName);
  if (lastSequence === undefined) return state.last_seq + 1;
  return state.last_seq >= lastSequence ? lastSequence + 1 : 1;
}
