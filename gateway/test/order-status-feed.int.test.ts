import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream } from '@nats-io/jetstream';
import { encodeEnvelope, streamOf } from '@shop/events';
import { createLogger } from '@shop/logger';
import { connectNats, ensureStream, startLocalNats, type LocalNats, type NatsConnection } from '@shop/nats';
import { waitFor } from '@shop/testing';
import { OrderStatusFeed } from '../src/events/order-status-feed.js';

// The order-status feed against a nats-server of its own, killed and restarted under it: the feed hears order
// events again afterwards, and when its read ends (the stream vanished with the server's store) it starts the
// read again by itself.

let store: string;
let nats: LocalNats;
let feed: OrderStatusFeed;
let publisher: NatsConnection;

beforeAll(async () => {
  store = mkdtempSync(join(tmpdir(), 'shop-feed-nats-'));
  nats = await startLocalNats(store);
  feed = OrderStatusFeed.start(nats.url, createLogger('order-status-feed-test', 'silent'), { restartDelayMs: 50 });
  publisher = await connectNats(nats.url, 'order-status-feed-test');
  await feed.listening;
});
afterAll(async () => {
  await feed?.stop();
  await publisher?.close();
  await nats?.stop();
  rmSync(store, { recursive: true, force: true });
});

/** Publishes an event of a new order until the feed hears one (events published while it is away are not its to hear). */
async function publishUntilHeard(): Promise<number> {
  const orderId = randomUUID();
  let heard = false;
  const stop = feed.listen(orderId, () => (heard = true));
  let published = 0;
  try {
    while (!heard) {
      if (published >= 50) throw new Error('the feed heard none of 50 events');
      try {
        await ensureStream(publisher, streamOf('order'));
        await jetstream(publisher).publish('shop.order.order.status_changed', encodeEnvelope(envelopeOf(orderId)));
        published += 1;
      } catch {
        // The publisher has not reconnected yet, or JetStream is still starting.
        await sleep(100);
        continue;
      }
      await waitFor('the event to be heard', () => heard, 200).catch(() => undefined);
    }
  } finally {
    stop();
  }
  return published;
}

function envelopeOf(orderId: string) {
  return {
    eventId: randomUUID(),
    eventType: 'shop.order.v1.OrderCancelled',
    aggregateType: 'order',
    aggregateId: orderId,
    aggregateVersion: 2,
    occurredAt: new Date(),
    traceparent: '',
    tracestate: '',
    payload: new Uint8Array(),
    actor: null,
  };
}

describe('the order-status feed', () => {
  it('hears an order event published after it started listening', async () => {
    expect(await publishUntilHeard()).toBe(1);
  });

  it('hears order events again after its NATS server is killed and restarted', async () => {
    await nats.kill();
    await sleep(300);
    await nats.restart();
    expect(await publishUntilHeard()).toBeGreaterThanOrEqual(1);
  });

  it('starts its read again when the read ends, as it does when NATS comes back without the stream', async () => {
    const restartsBefore = feed.stats().restarts;
    await nats.kill();
    rmSync(store, { recursive: true, force: true });
    await nats.restart();
    // Nobody else makes the stream again: the read finds it gone and ends, and the feed starts it again.
    await waitFor('the read to end and start again', () => feed.stats().restarts > restartsBefore);
    const published = await publishUntilHeard();
    process.stdout.write(`feed restarts: ${feed.stats().restarts - restartsBefore}; events published until one was heard: ${published}\n`);
    // The restarted read begins where the new stream begins, so the first event is heard.
    expect(published).toBe(1);
  });
});
