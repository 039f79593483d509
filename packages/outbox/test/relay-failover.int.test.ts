import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { OutboxRelay } from '../src/index.js';
import { printDelivery } from './support/delivery-report.js';
import { RelayScenario } from './support/relay-scenario.js';
import { waitFor } from '@shop/testing';

let scenario: RelayScenario;

beforeEach(async () => {
  scenario = await RelayScenario.open();
});

afterEach(async () => {
  await scenario.close();
});

describe('one active relay per database', () => {
  it('lets exactly one of two relays publish; a standby takes over when the active one crashes, and when it stops', async () => {
    const relays: Record<string, OutboxRelay> = {};
    const start = (name: string) => (relays[name] = scenario.startRelay({ applicationName: `relay-${name}`, batchSize: 50 }));
    start('first');
    start('second');
    await waitFor('one relay active', () => activeNames(relays).length === 1);
    // Ten hot aggregates, 2,000 events committed over about two seconds while the relays change hands.
    const producing = scenario.commitSteadily(scenario.events.many(scenario.aggregates(10), 2_000), 10, 10);

    const crashing = activeNames(relays)[0] as string;
    const standby = crashing === 'first' ? 'second' : 'first';
    // Each change of hands waits for the producer, not for the relays, so each happens mid-stream however fast they go.
    await waitFor(`${crashing} to publish`, () => scenario.produced.length >= 500 && relays[crashing]!.metrics().published > 0);
    // A crash as Postgres sees it: the connections drop (and the lock with them), and that relay never returns.
    expect(await scenario.killConnections(`relay-${crashing}`)).toBeGreaterThan(0);
    await relays[crashing]!.stop();
    delete relays[crashing];
    await waitFor(`${standby} to take over`, () => relays[standby]!.metrics().published > 0);
    expect(activeNames(relays)).toEqual([standby]);

    start('restarted');
    await waitFor('more events committed', () => scenario.produced.length >= 1_300);
    expect(activeNames(relays)).toEqual([standby]);
    await relays[standby]!.stop();
    delete relays[standby];
    await waitFor('the restarted relay to take over', () => relays.restarted!.metrics().published > 0);
    expect(activeNames(relays)).toEqual(['restarted']);

    await producing;
    await waitFor('every row published', async () => (await scenario.unpublished()) === 0);
    const report = await scenario.delivery();
    printDelivery('two relays, the active one crashed, then its successor stopped', report);
    expect(report).toMatchObject({ produced: 2_000, delivered: 2_000, duplicated: 0, lost: 0, outOfOrder: 0, unexpected: 0 });
  }, 60_000);

  it('carries on by itself when its Postgres connections are cut (a database hiccup)', async () => {
    const relay = scenario.startRelay({ applicationName: 'relay-hiccup', batchSize: 50 });
    const producing = scenario.commitSteadily(scenario.events.many(scenario.aggregates(10), 1_000), 10, 10);
    await waitFor('the relay to publish', () => scenario.produced.length >= 300 && relay.metrics().published > 0);
    expect(await scenario.killConnections('relay-hiccup')).toBeGreaterThan(0);
    expect(scenario.produced.length).toBeLessThan(1_000);
    await producing;
    await waitFor('every row published', async () => (await scenario.unpublished()) === 0);
    expect(relay.metrics().active).toBe(true);
    const report = await scenario.delivery();
    printDelivery("the relay's Postgres connections cut mid-stream", report);
    expect(report).toMatchObject({ produced: 1_000, delivered: 1_000, duplicated: 0, lost: 0, outOfOrder: 0, unexpected: 0 });
  }, 60_000);

  it('loses nothing when the relay dies between its acks and marking them: the next one republishes, JetStream drops the duplicates', async () => {
    await scenario.commit(scenario.events.many(scenario.aggregates(40), 2_000), 500);
    // Hold marking up (SHARE mode lets the relay read but not update), so it dies with a whole batch acked and unmarked.
    const blocker = await scenario.pool.connect();
    let crashed: OutboxRelay;
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE outbox IN SHARE MODE');
      crashed = scenario.startRelay({ applicationName: 'relay-crashing', batchSize: 500 });
      await waitFor('a batch published and not yet marked', () => crashed.metrics().published === 500);
      await scenario.killConnections('relay-crashing');
      await crashed.stop();
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    expect(await scenario.unpublished()).toBe(2_000);
    expect(await scenario.streamMessages()).toBe(500);

    const restarted = scenario.startRelay({ applicationName: 'relay-restarted', batchSize: 500 });
    await waitFor('every row published', async () => (await scenario.unpublished()) === 0);
    expect(restarted.metrics()).toMatchObject({ published: 2_000, duplicates: 500 });
    const report = await scenario.delivery();
    printDelivery('relay killed between acks and marking, then restarted', report);
    expect(report).toMatchObject({ produced: 2_000, delivered: 2_000, duplicated: 0, lost: 0, outOfOrder: 0, unexpected: 0 });
  }, 60_000);
});

function activeNames(relays: Record<string, OutboxRelay>): string[] {
  return Object.entries(relays)
    .filter(([, relay]) => relay.metrics().active)
    .map(([name]) => name);
}
