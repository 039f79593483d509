import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { encodeEnvelope, EventRegistry, streamOf, toEnvelope } from '@shop/events';
import { createLogger } from '@shop/logger';
import { connectNats, ensureStream, startLocalNats, type LocalNats, type NatsConnection } from '@shop/nats';
import { toTimestamp } from '@shop/proto';
import { DenyList } from '../src/deny-list.js';
import { startRevocationFeed, type RevocationFeed } from '../src/revocation-feed.js';

// The deny list of a process, fed over a private nats-server (killed and restarted on purpose) by account events.

const registry = new EventRegistry('account', [
  { type: 'shop.account.v1.AccountRoleChanged', aggregateType: 'account', subject: 'shop.account.account.role_changed' },
  { type: 'shop.account.v1.AccountPasswordChanged', aggregateType: 'account', subject: 'shop.account.account.password_changed' },
  { type: 'shop.account.v1.AccountDeleted', aggregateType: 'account', subject: 'shop.account.account.deleted' },
  { type: 'shop.account.v1.AccountCreated', aggregateType: 'account', subject: 'shop.account.account.created' },
]);
const logger = createLogger('revocation-feed-test', 'silent');
let nats: LocalNats;
let store: string;
let publisher: NatsConnection;
let version = 0;

beforeAll(async () => {
  store = mkdtempSync(join(tmpdir(), 'shop-nats-'));
  nats = await startLocalNats(store);
  publisher = await connectNats(nats.url, 'revocation-test-publisher');
  await ensureStream(publisher, streamOf('account'));
});
afterAll(async () => {
  await publisher.close();
  await nats.stop();
  rmSync(store, { recursive: true, force: true });
});

async function publish(type: string, accountId: string, message: object): Promise<void> {
  const envelope = toEnvelope(registry, { type, aggregateId: accountId, message }, (version += 1), new Date(), null);
  await jetstream(publisher).publish(registry.get(type).subject, encodeEnvelope(envelope), { msgID: envelope.eventId });
}

const notBefore = (seconds: number) => ({ tokensNotBefore: toTimestamp(new Date(seconds * 1000)) });

async function until(check: () => boolean, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - started;
}

describe('revocation feed', () => {
  let feed: RevocationFeed;
  const denyList = new DenyList();
  const now = Math.floor(Date.now() / 1000);
  const [early, late, deleted, created] = ['0196a1b2-0000-7000-8000-00000000000e', '0196a1b2-0000-7000-8000-00000000000f', '0196a1b2-0000-7000-8000-0000000000d0', '0196a1b2-0000-7000-8000-0000000000c0'];

  afterAll(() => feed.stop());

  it('applies, at start, the revocations already on the stream', async () => {
    await publish('shop.account.v1.AccountRoleChanged', early, { accountId: early, role: 'CUSTOMER', ...notBefore(now + 1) });
    await publish('shop.account.v1.AccountCreated', created, { account: { id: created, name: 'C', email: 'c@example.com' } });
    feed = startRevocationFeed({ natsUrl: nats.url, denyList, logger, name: 'test' });
    await feed.caughtUp;
    expect(denyList.isRevoked(early, now)).toBe(true);
    expect(denyList.isRevoked(early, now + 1)).toBe(false);
    expect(denyList.isRevoked(created, now)).toBe(false);
  });

  it('applies a new revocation as it is published, and a deletion for every token', async () => {
    await publish('shop.account.v1.AccountPasswordChanged', late, { accountId: late, ...notBefore(now + 2) });
    const tookMs = await until(() => denyList.isRevoked(late, now + 1));
    process.stdout.write(`revocation feed: applied ${tookMs} ms after the publish was acknowledged\n`);
    await publish('shop.account.v1.AccountDeleted', deleted, { accountId: deleted });
    await until(() => denyList.isRevoked(deleted, now + 10_000));
  });

  it('reads again after NATS restarts, so a revocation published after the restart is not missed', async () => {
    await nats.kill();
    await nats.restart();
    const afterRestart = '0196a1b2-0000-7000-8000-0000000000aa';
    for (let attempt = 0; ; attempt += 1) {
      try {
        await publish('shop.account.v1.AccountRoleChanged', afterRestart, { accountId: afterRestart, role: 'ADMIN', ...notBefore(now + 3) });
        break;
      } catch (error) {
        if (attempt > 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    await until(() => denyList.isRevoked(afterRestart, now + 2), 15_000);
    expect(denyList.isRevoked(early, now)).toBe(true);
  });
});
