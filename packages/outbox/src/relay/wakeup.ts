/**
 * How the relay sleeps: until there may be work (a NOTIFY arrived, or the poll interval passed) or until it is
 * told to stop. A wake that comes while the relay is busy is remembered, so a commit during a batch is not missed.
 */
export class Wakeup {
  private pending = false;
  private wakeWaiter: (() => void) | undefined;
  private readonly stopController = new AbortController();

  /** There may be new rows: the current wait ends, or the next one returns at once. */
  wake(): void {
    this.pending = true;
    this.wakeWaiter?.();
  }

  /** Ends the current wait and every later one. */
  stop(): void {
    this.stopController.abort();
  }

  get stopped(): boolean {
    return this.stopController.signal.aborted;
  }

  /** Waits up to `ms` for wake() or stop(). */
  wait(ms: number): Promise<void> {
    return this.sleep(ms, true);
  }

  /** Waits `ms` whatever is notified; only stop() cuts it short (standby, backoff after an error). */
  pause(ms: number): Promise<void> {
    return this.sleep(ms, false);
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (this.stopped || (wakeable && this.pending)) {
      if (wakeable) this.pending = false;
      return Promise.resolve();
    }
    const signal = this.stopController.signal;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        if (this.wakeWaiter === done) this.wakeWaiter = undefined;
        if (wakeable) this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      if (wakeable) this.wakeWaiter = done;
    });
  }
}
