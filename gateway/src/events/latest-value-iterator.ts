/**
 * An async iterator fed from outside (push, fail, end) that holds at most one undelivered value: a newer value
 * replaces one the reader has not taken yet. Made for snapshots (each value is the whole current order), so a
 * slow or stalled reader costs one value of memory, never a queue.
 *
 * Unlike an async generator, return() takes effect at once even while the reader waits in next(): the waiting
 * next() resolves as done and `onClose` runs, so whatever the iterator holds is freed the moment graphql-ws
 * completes the subscription, not at the next value (an async generator queues return() behind its pending await).
 */
export class LatestValueIterator<T> implements AsyncIterableIterator<T> {
  private value: { item: T } | undefined;
  private failure: { error: unknown } | undefined;
  private ended = false;
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;

  /** `onClose` runs once, when the iterator is finished for any reason (return, throw, end, fail). */
  constructor(private readonly onClose: () => void) {}

  /** Offers the latest value; replaces an undelivered one. Ignored once finished. */
  push(item: T): void {
    if (this.ended) return;
    const waiting = this.take();
    if (waiting) waiting.resolve({ value: item, done: false });
    else this.value = { item };
  }

  /** Ends the iterator with `error`: the reader gets it from its next next(), after any value it has not taken. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.finish();
    const waiting = this.take();
    if (waiting) waiting.reject(error);
    else this.failure = { error };
  }

  /** True until the iterator is finished (returned, failed or ended). */
  get open(): boolean {
    return !this.ended;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.value) {
      const { item } = this.value;
      this.value = undefined;
      return Promise.resolve({ value: item, done: false });
    }
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.ended) return Promise.resolve(done());
    // One reader at a time (graphql-js and graphql-ws never call next() again before it settles).
    this.take()?.resolve(done());
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve(done());
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Finishes now: drops any undelivered value or error and resolves a waiting next() as done. */
  private close(): void {
    this.value = undefined;
    this.failure = undefined;
    this.finish();
    this.take()?.resolve(done());
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.onClose();
  }

  private take() {
    const waiting = this.waiting;
    this.waiting = undefined;
    return waiting;
  }
}

function done<T>(): IteratorResult<T> {
  return { value: undefined, done: true };
}
