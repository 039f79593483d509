import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connectNats, isNatsReachable, type NatsConnection } from './connection.js';
import { startLocalNats, type LocalNats } from './local-nats.js';
import { DEFAULT_STREAM_LIMITS, ensureStream, streamUsage } from './streams.js';

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

describe('stream limits', () => {
  it("are the owner's: applied when it creates or updates the stream, kept when a reader ensures it", async () => {
    const connection = await connectNats(server.url, 'nats-limits-test');
    const limitsOf = async (name: string) => {
      const { config } = await (await jetstreamManager(connection)).streams.info(name);
      return { maxAgeMs: config.max_age / 1_000_000, maxBytes: config.max_bytes, discard: config.discard, duplicateWindowMs: config.duplicate_window / 1_000_000 };
    };
    try {
      // A reader first: the stream gets the defaults until its owner comes.
      await ensureStream(connection, { name: 'SHOP_LIMITS', subjects: ['shop.limits.>'] });
      expect(await limitsOf('SHOP_LIMITS')).toEqual({ ...DEFAULT_STREAM_LIMITS, discard: 'old', duplicateWindowMs: 120_000 });

      const owners = { maxAgeMs: 30 * 60_000, maxBytes: 64 * 1024 * 1024 };
      await ensureStream(connection, { name: 'SHOP_LIMITS', subjects: ['shop.limits.>'] }, owners);
      expect(await limitsOf('SHOP_LIMITS')).toEqual({ ...owners, discard: 'old', duplicateWindowMs: 120_000 });
      await ensureStream(connection, { name: 'SHOP_LIMITS', subjects: ['shop.limits.>'] });
      expect(await limitsOf('SHOP_LIMITS')).toEqual({ ...owners, discard: 'old', duplicateWindowMs: 120_000 });

      // At the size limit the oldest messages make room: the stream never refuses a publish for being full.
      const tight = { maxAgeMs: 30 * 60_000, maxBytes: 4_096 };
      await ensureStream(connection, { name: 'SHOP_LIMITS', subjects: ['shop.limits.>'] }, tight);
      const js = jetstream(connection);
      for (let i = 0; i < 100; i += 1) await js.publish('shop.limits.thing.happened', new Uint8Array(100), { msgID: `limit-${i}` });
      const usage = await streamUsage(connection, 'SHOP_LIMITS');
      expect(usage!.bytes).toBeLessThanOrEqual(4_096);
      expect(usage!.messages).toBeLessThan(100);
      expect(await streamUsage(connection, 'SHOP_NO_SUCH_STREAM')).toBeUndefined();
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
