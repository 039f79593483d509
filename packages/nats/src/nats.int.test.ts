import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connectNats, isNatsReachable, type NatsConnection } from './connection.js';
import { startLocalNats, type LocalNats } from './local-nats.js';
import { ensureStream } from './streams.js';

// A private nats-server on a free port: killed and restarted on purpose, never the machine's shared one.

let server: LocalNats;
let storeDir: string;

beforeAll(async () => {
  storeDir = mkdtempSync(join(tmpdir(), 'shop-nats-'));
  server = await startLocalNats(storeDir);
});

afterAll(async () => {
  await server.stop();
  rmSync(storeDir, { recursive: true, force: true });
});

describe('local NATS', () => {
  it('publishes to an ensured stream, drops a duplicate message id, and keeps messages across a crash', async () => {
    const connection = await connectNats(server.url, 'nats-test');
    try {
      await publishAndCrash(connection);
    } finally {
      await connection.close();
    }
  });
});

async function publishAndCrash(connection: NatsConnection): Promise<void> {
  await ensureStream(connection, { name: 'SHOP_TEST', subjects: ['shop.test.>'] });
  await ensureStream(connection, { name: 'SHOP_TEST', subjects: ['shop.test.>'] });
  const js = jetstream(connection);
  const first = await js.publish('shop.test.thing.happened', 'one', { msgID: 'event-1' });
  const again = await js.publish('shop.test.thing.happened', 'one', { msgID: 'event-1' });
  expect(again.duplicate).toBe(true);
  expect(again.seq).toBe(first.seq);

  await server.kill();
  expect(await isNatsReachable(server.url, 200)).toBe(false);
  await server.restart();
  // The client reconnects on its own; until it has, a publish times out, so try again as a relay would.
  let ack;
  for (let attempt = 1; !ack; attempt += 1) {
    ack = await js.publish('shop.test.thing.happened', 'two', { msgID: 'event-2', timeout: 1_000 }).catch((error: unknown) => {
      if (attempt >= 20) throw error;
      return undefined;
    });
  }
  expect(ack.seq).toBe(first.seq + 1);
}
