import pg from 'pg';
import type { Pool, Tx } from '@shop/postgres';

/**
 * The exclusive hold of one lane (durable consumer) by one instance of a service, for consumers that take their
 * events in batches. Several messages of a lane are then in flight at once, so two instances pulling from the same
 * durable could handle one aggregate's events side by side; the session advisory lock makes one of them the owner.
 *
 * The lock lives on a connection of its own (with the service pool's settings), and the owner's batches run their
 * transactions on that same connection: when it breaks, Postgres frees the lock and rolls back the open batch
 * together, so a lost owner can never commit after a standby has taken over.
 */
export class LaneLock {
  private lostBecause: string | undefined;

  private constructor(
    private readonly single: pg.Pool,
    private readonly client: pg.PoolClient,
    private readonly name: string,
    private readonly onLost: () => void,
  ) {}

  /** Takes the lock `name` if no other session holds it (never waits); undefined when another instance owns the lane. */
  static async tryTake(settingsFrom: Pool, name: string, onLost: () => void): Promise<LaneLock | undefined> {
    const single = new pg.Pool({ ...settingsFrom.options, max: 1, idleTimeoutMillis: 0 });
    single.on('error', () => {}); // the client's own listener below reports it
    let client: pg.PoolClient;
    try {
      client = await single.connect();
    } catch (error) {
      await single.end().catch(() => {});
      throw error;
    }
    const lock = new LaneLock(single, client, name, onLost);
    // A checked-out client has no pool listener: without these a dropped connection would crash the process.
    client.on('error', (error) => lock.lose(error.message));
    client.on('end', () => lock.lose('connection closed'));
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [name]);
      if (rows[0]?.locked === true) return lock;
    } catch (error) {
      await lock.release();
      throw error;
    }
    await lock.release();
    return undefined;
  }

  /** False once the connection is gone, and with it the lock. */
  get alive(): boolean {
    return this.lostBecause === undefined;
  }

  /** Why the lock was lost, for the log. */
  get lossReason(): string {
    return this.lostBecause ?? 'held';
  }

  /**
   * Records `owner` as the lane's owner (consumer_lanes) and returns how the previous owner let it go: clean
   * when it gave every message it held back to the stream (or when there was none), with its owner id.
   */
  async claim(owner: string): Promise<{ previousOwner: string | undefined; clean: boolean }> {
    const { rows } = await this.client.query<{ owner: string; clean: boolean }>('SELECT owner, clean FROM consumer_lanes WHERE lane = $1', [this.name]);
    await this.client.query(
      `INSERT INTO consumer_lanes (lane, owner, clean) VALUES ($1, $2, false)
       ON CONFLICT (lane) DO UPDATE SET owner = excluded.owner, clean = false, taken_at = now()`,
      [this.name, owner],
    );
    return { previousOwner: rows[0]?.owner, clean: rows[0]?.clean ?? true };
  }

  /** Says the owner is letting the lane go holding no message (call it last, with every message given back). */
  async markClean(owner: string): Promise<void> {
    await this.client.query('UPDATE consumer_lanes SET clean = true WHERE lane = $1 AND owner = $2', [this.name, owner]);
  }

  /** Runs `work` in one transaction on the lock's connection: COMMIT when it resolves, ROLLBACK when it throws. */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      await this.client.query('BEGIN');
      const result = await work(this.client);
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch((rollbackError: Error) => this.lose(`rollback failed: ${rollbackError.message}`));
      throw error;
    }
  }

  /** Ends the connection, which frees the lock. */
  async release(): Promise<void> {
    this.lose('released');
    this.client.release(true);
    await this.single.end().catch(() => {});
  }

  private lose(reason: string): void {
    if (this.lostBecause !== undefined) return;
    this.lostBecause = reason;
    if (reason !== 'released') this.onLost();
  }
}
