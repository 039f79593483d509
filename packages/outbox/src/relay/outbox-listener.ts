import pg from 'pg';
import type { Logger } from '@shop/logger';
import { OUTBOX_CHANNEL } from '../outbox-writer.js';
import { Wakeup } from './wakeup.js';

/**
 * The active relay's LISTEN connection: wakes it when a transaction that wrote outbox rows commits (NOTIFY is
 * delivered at commit). It reconnects by itself and LISTENs again, and wakes the relay after every (re)connect
 * for what committed while nobody listened; the relay's slow poll covers the rest.
 */
export class OutboxListener {
  private client: pg.Client | undefined;
  private readonly sleeper = new Wakeup();
  private readonly done: Promise<void>;

  constructor(
    private readonly databaseUrl: string,
    private readonly applicationName: string,
    private readonly onNotify: () => void,
    private readonly logger: Logger,
  ) {
    this.done = this.run();
  }

  /** Closes the connection and stops reconnecting. */
  async stop(): Promise<void> {
    this.sleeper.stop();
    await this.client?.end().catch(() => {});
    await this.done;
  }

  private get stopped(): boolean {
    return this.sleeper.stopped;
  }

  private async run(): Promise<void> {
    for (let failures = 0; !this.stopped; failures += 1) {
      const { listened, reason } = await this.listenUntilLost();
      if (this.stopped) return;
      if (listened) failures = 0;
      this.logger.warn(`outbox listener: ${listened ? 'connection lost' : 'cannot listen'} (${reason}); reconnecting`);
      await this.sleeper.pause(Math.min(5_000, 250 * 2 ** failures));
    }
  }

  /** Connects, LISTENs and waits until the connection ends: whether it got to listen, and why it ended. */
  private async listenUntilLost(): Promise<{ listened: boolean; reason: string }> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: this.applicationName, keepAlive: true, connectionTimeoutMillis: 5_000 });
    this.client = client;
    const closed = new Promise<string>((resolve) => {
      client.on('error', (error) => resolve(error.message));
      client.on('end', () => resolve('connection closed'));
    });
    try {
      await client.connect();
      if (this.stopped) return { listened: false, reason: 'stopped' };
      client.on('notification', () => this.onNotify());
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      return { listened: false, reason: (error as Error).message };
    }
    this.onNotify();
    const reason = await closed;
    await client.end().catch(() => {});
    return { listened: true, reason };
  }
}
