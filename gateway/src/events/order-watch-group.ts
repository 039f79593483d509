import { DomainError } from '@shop/errors';
import type { OrderView } from '@shop/order/client';
import { LatestValueIterator } from './latest-value-iterator.js';

/** How one subscription reads its order: on its own behalf, with its own token forwarded. */
export interface OrderReader {
  /** The Authorization value its reads forward, checked locally before each push. */
  authorization: string | undefined;
  /** The order as this caller may see it; undefined when there is none to see. */
  read(): Promise<OrderView | undefined>;
}

/** Checks a token without a backend call (the gateway's TokenVerifier); throws when it no longer holds. */
export type TokenCheck = (authorization: string | undefined) => Promise<unknown>;

interface Watcher {
  readonly reader: OrderReader;
  readonly updates: LatestValueIterator<OrderView>;
  /** False while its existence check runs; it is listening already, but gets nothing yet. */
  active: boolean;
  /** How many of the group's events the last state it got (or its check) reflects. */
  covered: number;
}

/**
 * The subscriptions of one order. Each event of the order costs one read, whatever the number of watchers
 * (single flight): it is made on behalf of one watcher whose token still checks out and pushed to every
 * watcher. Events that arrive during a read are covered by one more read after it. A watcher whose read is
 * refused as UNAUTHENTICATED (its token expired or was revoked, as the order service sees it) ends with that
 * error and the next watcher reads instead; any other failure ends every watcher waiting for that read, as
 * each would have met it reading alone.
 */
export class OrderWatchGroup {
  private events = 0;
  private readonly watchers = new Set<Watcher>();
  private reading = false;

  constructor(
    private readonly checkToken: TokenCheck | undefined,
    /** Called when the last watcher has gone, so the feed can drop the group and stop listening. */
    private readonly onEmpty: () => void,
  ) {}

  /** Watchers, active or still checking. */
  get size(): number {
    return this.watchers.size;
  }

  /** Watchers past their existence check. */
  get activeCount(): number {
    let count = 0;
    for (const watcher of this.watchers) if (watcher.active) count += 1;
    return count;
  }

  /** An event of the order was published. */
  notify(): void {
    this.events += 1;
    this.schedule();
  }

  /**
   * Adds a watcher, listening from this moment, then reads the order for it: undefined (and nothing kept) when
   * there is none for this reader, else its updates. An event during that check is answered by a read after it,
   * so a change between the check and the first event is never missed.
   */
  async watch(reader: OrderReader): Promise<AsyncIterableIterator<OrderView> | undefined> {
    const watcher: Watcher = { reader, active: false, covered: this.events, updates: new LatestValueIterator(() => this.remove(watcher)) };
    this.watchers.add(watcher);
    let order: OrderView | undefined;
    try {
      order = await reader.read();
    } catch (error) {
      void watcher.updates.return();
      throw error;
    }
    if (!order) {
      void watcher.updates.return();
      return undefined;
    }
    watcher.active = true;
    this.schedule();
    return watcher.updates;
  }

  private remove(watcher: Watcher): void {
    this.watchers.delete(watcher);
    if (this.watchers.size === 0) this.onEmpty();
  }

  private due(upTo: number): Watcher[] {
    return [...this.watchers].filter((watcher) => watcher.active && watcher.covered < upTo);
  }

  private schedule(): void {
    if (this.reading || this.due(this.events).length === 0) return;
    this.reading = true;
    void this.readWhileDue().finally(() => {
      this.reading = false;
      this.schedule();
    });
  }

  private async readWhileDue(): Promise<void> {
    for (let upTo = this.events, due = this.due(upTo); due.length > 0; upTo = this.events, due = this.due(upTo)) {
      const recipients = await this.stillSignedIn(due);
      const order = await this.readForOneOf(recipients);
      for (const watcher of recipients) {
        if (!watcher.updates.open) continue;
        watcher.covered = upTo;
        if (order) watcher.updates.push(order);
      }
    }
  }

  /** The watchers whose token still checks out; the others end with the check's error. */
  private async stillSignedIn(watchers: Watcher[]): Promise<Watcher[]> {
    if (!this.checkToken) return watchers;
    const checked = await Promise.all(
      watchers.map(async (watcher) => {
        try {
          await this.checkToken!(watcher.reader.authorization);
          return watcher;
        } catch (error) {
          watcher.updates.fail(error);
          return undefined;
        }
      }),
    );
    return checked.filter((watcher): watcher is Watcher => watcher !== undefined);
  }

  /** One read, on behalf of the first watcher the order service still accepts. */
  private async readForOneOf(recipients: Watcher[]): Promise<OrderView | undefined> {
    for (const watcher of recipients) {
      if (!watcher.updates.open) continue;
      try {
        return await watcher.reader.read();
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'UNAUTHENTICATED') {
          watcher.updates.fail(error);
          continue;
        }
        for (const each of recipients) each.updates.fail(error);
        return undefined;
      }
    }
    return undefined;
  }
}
