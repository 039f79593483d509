import pg from 'pg';

/** The advisory lock that elects the one active relay of a database (hashed by Postgres into its bigint key). */
export const RELAY_LOCK_NAME = 'shop.outbox.relay';

/**
 * The relay's own Postgres session. Holding the session advisory lock makes its relay the active one, and the
 * lock lives and dies with the session: when the relay stops, crashes or loses its connection, Postgres frees the
 * lock and a standby takes it. The active relay claims and marks rows on this same session, so its work stops the
 * moment the session that elected it is gone.
 */
export class RelaySession {
  private lostBecause: string | undefined;

  private constructor(
    private readonly client: pg.Client,
    private readonly onLost: () => void,
  ) {}

  /** Connects; throws when the database cannot be reached. `onLost` is told when the connection goes. */
  static async open(databaseUrl: string, applicationName: string, onLost: () => void): Promise<RelaySession> {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: applicationName, keepAlive: true, connectionTimeoutMillis: 5_000 });
    const session = new RelaySession(client, onLost);
    // Without listeners a dropped connection's 'error' event would crash the process.
    client.on('error', (error) => session.lose(error.message));
    client.on('end', () => session.lose('connection closed'));
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    return session;
  }

  /** False once the connection is gone (and with it the lock, if this session held it). */
  get alive(): boolean {
    return this.lostBecause === undefined;
  }

  /** Why the session was lost, for the log. */
  get lossReason(): string {
    return this.lostBecause ?? 'alive';
  }

  /** Takes the lock if no other session holds it; never waits. */
  async tryLock(): Promise<boolean> {
    const { rows } = await this.client.query<{ locked: boolean }>({
      name: 'outbox-relay-lock',
      text: 'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      values: [RELAY_LOCK_NAME],
    });
    return rows[0]?.locked === true;
  }

  /** Runs a query on the session (the active relay's claims and marks). */
  query<R extends pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>> {
    return this.client.query<R>(config);
  }

  /** Ends the session, which releases the lock. */
  async close(): Promise<void> {
    this.lose('closed');
    await this.client.end().catch(() => {});
  }

  private lose(reason: string): void {
    if (this.lostBecause !== undefined) return;
    this.lostBecause = reason;
    this.onLost();
  }
}
