import { describe, expect, it } from '@jest/globals';
import { publishInAggregateOrder } from './publish-in-aggregate-order.js';
import type { ClaimedEvent } from './relay-queries.js';

function claimed(position: number, aggregateId: string, version: number): ClaimedEvent {
  return {
    position: String(position),
    attempts: 0,
    envelope: {
      eventId: `event-${position}`,
      eventType: 'shop.test.v1.Thing',
      aggregateType: 'thing',
      aggregateId,
      aggregateVersion: version,
      occurredAt: new Date(0),
      traceparent: '',
      tracestate: '',
      payload: new Uint8Array(),
      actor: null,
    },
  };
}

describe('publishInAggregateOrder', () => {
  it('publishes one aggregate at a time in version order, and aggregates side by side', async () => {
    const inFlight = new Map<string, number>();
    const order: string[] = [];
    let mostAtOnce = 0;
    const batch = [claimed(1, 'a', 1), claimed(2, 'b', 1), claimed(4, 'a', 3), claimed(3, 'a', 2), claimed(5, 'b', 2)];
    const outcome = await publishInAggregateOrder(
      batch,
      async (event) => {
        const id = event.envelope.aggregateId;
        expect(inFlight.get(id) ?? 0).toBe(0);
        inFlight.set(id, 1);
        mostAtOnce = Math.max(mostAtOnce, [...inFlight.values()].reduce((sum, n) => sum + n, 0));
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`${id}${event.envelope.aggregateVersion}`);
        inFlight.set(id, 0);
        return { duplicate: event.position === '5' };
      },
      () => true,
    );
    expect(order.filter((entry) => entry.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(order.filter((entry) => entry.startsWith('b'))).toEqual(['b1', 'b2']);
    expect(mostAtOnce).toBe(2);
    expect(outcome.published.sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(outcome.duplicates).toBe(1);
  });

  it("stops an aggregate's chain at its first failure and lets the others go on", async () => {
    const published: string[] = [];
    const outcome = await publishInAggregateOrder(
      [claimed(1, 'a', 1), claimed(2, 'a', 2), claimed(3, 'a', 3), claimed(4, 'b', 1), claimed(5, 'b', 2)],
      async (event) => {
        if (event.position === '2') throw new Error('no ack');
        published.push(event.position);
        return { duplicate: false };
      },
      () => true,
    );
    expect(published.sort()).toEqual(['1', '4', '5']);
    expect(outcome.published.sort()).toEqual(['1', '4', '5']);
    expect(outcome.failed.map((failure) => [failure.event.position, failure.error.message])).toEqual([['2', 'no ack']]);
  });

  it('publishes nothing more once told to stop', async () => {
    let keepGoing = true;
    const outcome = await publishInAggregateOrder(
      [claimed(1, 'a', 1), claimed(2, 'a', 2)],
      async () => {
        keepGoing = false;
        return { duplicate: false };
      },
      () => keepGoing,
    );
    expect(outcome.published).toEqual(['1']);
    expect(outcome.failed).toEqual([]);
  });
});
