import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalNats, type LocalNats } from '@shop/nats';
import { printDelivery } from './support/delivery-report.js';
import { RelayScenario } from './support/relay-scenario.js';
import { waitFor } from '@shop/testing';

// A private nats-server on a free port, killed on purpose: never the machine's shared one.

let server: LocalNats;
let storeDir: string;

beforeAll(async () => {
  storeDir = mkdtempSync(join(tmpdir(), 'shop-outbox-nats-'));
  server = await startLocalNats(storeDir);
});

afterAll(async () => {
  await server.stop();
  rmSync(storeDir, { recursive: true, force: true });
});

describe('the relay when NATS goes away', () => {
  it('delivers every event of a stream, in order per aggregate, across a NATS crash and restart, parking nothing', async () => {
    const scenario = await RelayScenario.open(server.url);
    try {
      // Two failed attempts would park a row, but publishes that fail while NATS is down are not the row's fault.
      const relay = scenario.startRelay({ batchSize: 100, publishTimeoutMs: 1_000, retry: { baseMs: 100, maxMs: 1_000 }, maxAttempts: 2 });
      // 3,000 events over 30 aggregates, committed over about three seconds; NATS dies a third of the way in.
      const producing = scenario.commitSteadily(scenario.events.many(scenario.aggregates(30), 3_000), 10, 10);
      await waitFor('a third committed and the relay publishing', () => scenario.produced.length >= 1_000 && relay.metrics().published > 0);
      await server.kill();
      const producedAtCrash = scenario.produced.length;
      await sleep(1_500);
      await server.restart();
      await producing;
      expect(producedAtCrash).toBeLessThan(3_000);

      await waitFor('every row published', async () => (await scenario.unpublished()) === 0, 60_000);
      expect(relay.metrics().failedAttempts).toBeGreaterThan(0);
      expect(relay.metrics().parked).toBe(0);
      const { rows } = await scenario.pool.query<{ count: string }>('SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL OR attempts > 0');
      expect(Number(rows[0]?.count)).toBe(0);
      const report = await scenario.delivery();
      printDelivery('NATS killed and restarted mid-stream', report);
      expect(report).toMatchObject({ produced: 3_000, delivered: 3_000, duplicated: 0, lost: 0, outOfOrder: 0, unexpected: 0 });
    } finally {
      await scenario.close();
    }
  }, 120_000);
});
