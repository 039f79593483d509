import { setTimeout as sleep } from 'node:timers/promises';
import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import { decodeEnvelope, streamOf } from '@shop/events';
import type { Logger } from '@shop/logger';
import { connectNats, type NatsConnection } from '@shop/nats';
import type { DenyList } from './deny-list.js';
import { ACCOUNT_EVENTS_SUBJECT, revocationOf } from './revocations.js';
import { ACCESS_TOKEN_TTL_SECONDS, CLOCK_TOLERANCE_SECONDS } from './token-claims.js';

/** A running feed. */
export interface RevocationFeed {
  /** Resolves once the revocations of the last token lifetime have been read (or the feed was stopped first). */
  caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/** How far back a (re)start reads: one token lifetime, since older revocations only refuse expired tokens. */
const LOOKBACK_MS = (ACCESS_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS + 60) * 1000;

/**
 * Feeds a deny list from the account service's events on NATS. An ordered consumer reads SHOP_ACCOUNT from one
 * token lifetime ago, so a process that starts (or a NATS reconnect, which may have lost messages) rebuilds the
 * list from the stream; then it applies each revocation as it is published, typically milliseconds after the
 * account service committed it. Runs until stopped; NATS being away is retried, never thrown.
 */
export function startRevocationFeed(options: { natsUrl: string; denyList: DenyList; logger: Logger; name: string }): RevocationFeed {
  const log = options.logger.child({ component: 'revocation-feed' });
  let stopped = false;
  let connection: NatsConnection | undefined;
  let messages: ConsumerMessages | undefined;
  let markCaughtUp: () => void = () => {};
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  const readOnce = async (nats: NatsConnection): Promise<void> => {
    const consumer = await jetstream(nats).consumers.get(streamOf('account').name, {
      filter_subjects: ACCOUNT_EVENTS_SUBJECT,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(Date.now() - LOOKBACK_MS).toISOString(),
    });
    if ((await consumer.info(true)).num_pending === 0) markCaughtUp();
    messages = await consumer.consume();
    for await (const message of messages) {
      try {
        const revocation = revocationOf(decodeEnvelope(message.data));
        if (revocation) options.denyList.add(revocation);
      } catch (error) {
        log.warn({ err: error }, 'undecodable account event skipped');
      }
      if (message.info.pending === 0) markCaughtUp();
    }
  };

  const run = async () => {
    connection = await connectNats(options.natsUrl, `${options.name}-revocations`);
    if (stopped) return void (await connection.close());
    const nats = connection;
    // After a reconnect the list is rebuilt: the current read ends and the loop reads the stream again.
    void (async () => {
      for await (const status of nats.status()) if (status.type === 'reconnect') void messages?.stop();
    })();
    while (!stopped && !nats.isClosed()) {
      try {
        await readOnce(nats);
      } catch (error) {
        // Until the account service's relay has created its stream there is nothing to read; wait for it.
        log.debug({ err: error }, 'revocation feed: reading again shortly');
        await sleep(1_000);
      }
    }
  };
  const running = run().catch((error: unknown) => log.error({ err: error }, 'revocation feed stopped'));

  return {
    caughtUp,
    stop: async () => {
      stopped = true;
      markCaughtUp();
      await messages?.close();
      await connection?.close();
      // Still waiting for a first connection (NATS down since the start): nothing to wait for; the late connection
      // is closed as soon as it comes.
      if (connection) await running;
    },
  };
}
