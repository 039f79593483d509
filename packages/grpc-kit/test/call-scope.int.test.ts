import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { status } from '@grpc/grpc-js';
import { waitFor } from '@shop/testing';
import { DEFAULT_CALL_POLICY } from '../src/call-policy.js';
import { currentCallSignal, deadlineOf } from '../src/call-scope.js';
import { callUnary } from '../src/unary-call.js';
import { relayClient, startRelayServer, type RelayStub } from './relay-fixture.js';

// A handler's calls to other services carry what is left of its own deadline, and stop when its call ends.
// Two real servers in a chain, A -> B: the test calls A, A's handler calls B with the default 5 s policy.

let cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function client(address: string): Promise<RelayStub> {
  const stub = relayClient(address);
  cleanup.push(async () => stub.close());
  return stub;
}

/** B: remembers the deadline and arrival of every call, then answers or waits for its call to end. */
async function startB(behaviour: 'answer' | 'hang') {
  const seen: { deadline: number | undefined; at: number }[] = [];
  const cancelled: string[] = [];
  const cancelledAt: number[] = [];
  const server = await startRelayServer(async (request, call) => {
    seen.push({ deadline: deadlineOf(call), at: Date.now() });
    call.on('cancelled', () => {
      cancelled.push(request.key);
      cancelledAt.push(Date.now());
    });
    if (behaviour === 'answer') return request;
    await new Promise((resolve) => currentCallSignal()!.addEventListener('abort', resolve));
    throw new Error('B gave up: its call ended');
  });
  cleanup.push(server.stop);
  return { address: server.address, seen, cancelled, cancelledAt };
}

/** A: waits `delayMs`, then passes the request on to B with the default policy (a fresh 5 s, were nothing inherited). */
async function startA(bAddress: string, delayMs = 0) {
  const b = await client(bAddress);
  const server = await startRelayServer(async (request) => {
    await sleep(delayMs);
    return callUnary(b.pass.bind(b), request, DEFAULT_CALL_POLICY);
  });
  cleanup.push(server.stop);
  return server.address;
}

const quick = { ...DEFAULT_CALL_POLICY, maxAttempts: 1 };

describe('calls made by a handler', () => {
  it("carry what is left of the incoming call's deadline, not a fresh one", async () => {
    const b = await startB('answer');
    const a = await client(await startA(b.address, 200));
    const started = Date.now();
    const clientDeadline = started + 1_500;
    await expect(callUnary(a.pass.bind(a), { key: 'inherit' }, { ...quick, deadlineMs: 1_500 })).resolves.toEqual({ key: 'inherit' });
    const [atB] = b.seen;
    process.stdout.write(
      `client deadline: +1500 ms; B saw its call at +${atB!.at - started} ms with deadline +${atB!.deadline! - started} ms ` +
        `(${atB!.deadline! - atB!.at} ms left; a fresh default would end at +${DEFAULT_CALL_POLICY.deadlineMs + (atB!.at - started)} ms)\n`,
    );
    expect(atB!.deadline).toBeDefined();
    // A fresh 5 s deadline would end after started + 5200; the inherited one ends at about clientDeadline.
    expect(atB!.deadline!).toBeLessThan(clientDeadline + 1_500);
  });

  it('are cancelled when the incoming call passes its deadline', async () => {
    const b = await startB('hang');
    const a = await client(await startA(b.address));
    const failure = await callUnary(a.pass.bind(a), { key: 'deadline' }, { ...quick, deadlineMs: 300 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: status.DEADLINE_EXCEEDED });
    await waitFor('B to see its call end', async () => b.cancelled.includes('deadline'));
  });

  it('are cancelled when the client cancels the incoming call', async () => {
    const b = await startB('hang');
    const a = await client(await startA(b.address));
    const outcome = new Promise<number | undefined>((resolve) => {
      const call = a.pass({ key: 'cancel' }, (error) => resolve(error?.code));
      void waitFor('B to get the call', async () => b.seen.length === 1).then(() => call.cancel());
    });
    expect(await outcome).toBe(status.CANCELLED);
    await waitFor('B to see its call end', async () => b.cancelled.includes('cancel'));
    // A set no deadline, so its call to B had the default 5 s: B's call ended by the cancel, long before that.
    process.stdout.write(`B's call ended ${b.cancelledAt[0]! - b.seen[0]!.at} ms after it arrived; its own deadline was ${b.seen[0]!.deadline! - b.seen[0]!.at} ms away\n`);
    expect(b.cancelledAt[0]!).toBeLessThan(b.seen[0]!.deadline!);
  });
});
