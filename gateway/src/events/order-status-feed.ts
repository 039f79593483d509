import type { Logger } from '@shop/logger';
import type { OrderView } from '@shop/order/client';
import { DEFAULT_WEBSOCKET_SETTINGS } from '../config.js';
import { startOrderEventLoop, type OrderEventLoop } from './order-event-loop.js';
import { OrderWatchGroup, type OrderReader, type TokenCheck } from './order-watch-group.js';

export type { OrderReader, TokenCheck } from './order-watch-group.js';

type Listener = () => void;

/** How the feed is tuned; every field has a default. */
export interface OrderStatusFeedOptions {
  /** Checks a watcher's token before each push (the gateway's verifier); without it, tokens are not re-checked. */
  checkToken?: TokenCheck | undefined;
  /** Pause before a NATS read that ended is started again (ORDER_FEED_RESTART_DELAY_MS). */
  restartDelayMs?: number | undefined;
}

/** What the feed holds right now, for tests and diagnostics. */
export interface OrderStatusFeedStats {
  /** Listeners on order events (one per watched order, plus any added with listen()). */
  listeners: number;
  /** Orders with at least one watcher. */
  orders: number;
  /** Subscriptions, active or still running their existence check. */
  watchers: number;
  /** Subscriptions past their existence check. */
  activeWatchers: number;
  /** Times the NATS read ended and was started again. */
  restarts: number;
}

/**
 * Live order changes for GraphQL subscriptions: one NATS read per gateway process (restarted whenever it
 * ends) wakes the watchers of each order, which share one read of the order per event.
 */
export class OrderStatusFeed {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly groups = new Map<string, OrderWatchGroup>();
  private loop: OrderEventLoop | undefined;

  private constructor(private readonly checkToken: TokenCheck | undefined) {}

  /** Connects in the background (retrying until NATS is up) and starts reading new order events. */
  static start(natsUrl: string, logger: Logger, options: OrderStatusFeedOptions = {}): OrderStatusFeed {
    const feed = new OrderStatusFeed(options.checkToken);
    feed.loop = startOrderEventLoop({ natsUrl, logger, restartDelayMs: options.restartDelayMs ?? DEFAULT_WEBSOCKET_SETTINGS.ORDER_FEED_RESTART_DELAY_MS, onEvent: (orderId) => feed.publish(orderId) });
    return feed;
  }

  /** Calls `listener` each time an event of the order is published, until the returned function is called. */
  listen(orderId: string, listener: Listener): () => void {
    const set = this.listeners.get(orderId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(orderId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(orderId) === set) this.listeners.delete(orderId);
    };
  }

  /**
   * Watches an order on behalf of one subscription: listens first, then checks with `reader` that the order
   * is there for it. Undefined when it is not; else the order after each of its events, until return().
   */
  watch(orderId: string, reader: OrderReader): Promise<AsyncIterableIterator<OrderView> | undefined> {
    let group = this.groups.get(orderId);
    if (!group) {
      let stopListening: () => void = () => {};
      const created = new OrderWatchGroup(this.checkToken, () => {
        stopListening();
        if (this.groups.get(orderId) === created) this.groups.delete(orderId);
      });
      stopListening = this.listen(orderId, () => created.notify());
      this.groups.set(orderId, created);
      group = created;
    }
    return group.watch(reader);
  }

  /** Resolves once the feed reads events (those published before are not seen); for tests and readiness. */
  get listening(): Promise<void> {
    return this.loop?.listening ?? Promise.resolve();
  }

  /** What the feed holds right now. */
  stats(): OrderStatusFeedStats {
    let listeners = 0;
    for (const set of this.listeners.values()) listeners += set.size;
    let watchers = 0;
    let activeWatchers = 0;
    for (const group of this.groups.values()) {
      watchers += group.size;
      activeWatchers += group.activeCount;
    }
    return { listeners, orders: this.groups.size, watchers, activeWatchers, restarts: this.loop?.restarts ?? 0 };
  }

  /** Stops reading events; subscriptions still open get nothing more. */
  async stop(): Promise<void> {
    await this.loop?.stop();
  }

  private publish(orderId: string): void {
    for (const listener of this.listeners.get(orderId) ?? []) listener();
  }
}
