import pg from 'pg';

/**
 * The signal of the request the calling code serves, read when a query or transaction starts: aborted when that
 * request's call is cancelled or its deadline passes; undefined outside any request (event handlers, start-up).
 */
export type RequestSignal = () => AbortSignal | undefined;

/**
 * Stops the statement a connection is running. node-postgres has no supported cancel API, and Postgres stops a
 * running statement only when asked on another connection, so this sends `pg_cancel_backend(pid)` over a small
 * pool of its own (two connections, opened on the first cancel, closed when idle): a cancel gets through even when
 * the service's pool is exhausted, which is when a slow statement matters most.
 */
export class StatementCanceller {
  private cancelPool: pg.Pool | undefined;

  constructor(
    private readonly connectionString: string,
    /** The signal statements are cancelled by. */
    readonly requestSignal: RequestSignal,
    private readonly onError: (error: Error) => void,
    private readonly applicationName?: string,
  ) {}

  /**
   * Cancels whatever the client's backend runs; resolves once Postgres has taken the cancel. Postgres then answers
   * the statement with SQLSTATE 57014, or ignores the cancel if the backend was idle. A failed cancel is reported,
   * not thrown: statement_timeout still bounds the statement.
   */
  async cancel(client: pg.PoolClient): Promise<void> {
    // Set from the backend's key data at connect; public in pg since 2011, though @types/pg does not declare it.
    const pid = (client as unknown as { processID?: unknown }).processID;
    if (typeof pid !== 'number') return;
    this.cancelPool ??= this.openCancelPool();
    await this.cancelPool.query('SELECT pg_cancel_backend($1)', [pid]).catch((error: Error) => this.onError(error));
  }

  /** Closes the cancel connections. */
  async end(): Promise<void> {
    const pool = this.cancelPool;
    this.cancelPool = undefined;
    await pool?.end();
  }

  private openCancelPool(): pg.Pool {
    const pool = new pg.Pool({
      connectionString: this.connectionString,
      max: 2,
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 1_000,
      application_name: this.applicationName && `${this.applicationName}-cancel`,
    });
    pool.on('error', this.onError);
    return pool;
  }
}
