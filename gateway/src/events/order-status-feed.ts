import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { decodeEnvelope, streamOf } from '@shop/events';
import type { Logger } from '@shop/logger';
import { connectNats, ensureStream, type NatsConnection } from '@shop/nats';

type Listener = () => void;

/**
 * Live order changes for GraphQL subscriptions: one ordered JetStream consumer per gateway process reads the
 * order service's events as they come (no history, no inbox: a missed push is only a missed notification) and
 * wakes the subscriptions of that order.
 */
export class OrderStatusFeed {
  private readonly listeners = new Map<string, Set<Listener>>();
  private connection: NatsConnection | undefined;
  private stopped = false;

  private constructor(private readonly logger: Logger) {}

  /** Connects in the background (retrying until NATS is up) and starts reading new order events. */
  static start(natsUrl: string, logger: Logger): OrderStatusFeed {
    const feed = new OrderStatusFeed(logger);
    void feed.run(natsUrl).catch((error: unknown) => logger.error({ err: error }, 'order status feed stopped'));
    return feed;
  }

  /** Calls `listener` each time an event of the order is published, until the returned function is called. */
  listen(orderId: string, listener: Listener): () => void {
    const set = this.listeners.get(orderId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(orderId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(orderId);
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection?.close();
  }

  private async run(natsUrl: string): Promise<void> {
    const connection = await connectNats(natsUrl, 'gateway-order-status');
    if (this.stopped) return void (await connection.close());
    this.connection = connection;
    const stream = streamOf('order');
    await ensureStream(connection, stream);
    // No filter: the stream holds only the order service's events, and nats-server 2.9 takes no filter_subjects list.
    const consumer = await jetstream(connection).consumers.get(stream.name, { deliver_policy: DeliverPolicy.New });
    const messages = await consumer.consume();
    this.logger.info('order status feed: listening for order events');
    for await (const message of messages) {
      try {
        const orderId = decodeEnvelope(message.data).aggregateId;
        for (const listener of this.listeners.get(orderId) ?? []) listener();
      } catch (error) {
        this.logger.warn({ err: error }, 'order status feed: undecodable message skipped');
      }
    }
  }
}
