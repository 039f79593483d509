import { afterEach, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { startLostAnswerProxy, type LostAnswerProxy } from '@shop/testing';
import { callUnary } from '../src/unary-call.js';
import { relayClient, startRelayServer } from './relay-fixture.js';

// An answer lost after the server did the work: the client cannot tell it from a server that never got the call.
// A retry sends the very same request again (so a key in it lets the server answer the first result); a call not
// allowed to retry reports UNAVAILABLE although the work was done, which is why unkeyed writes are never retried.

const policy = { deadlineMs: 5_000, maxAttempts: 4, initialBackoffMs: 10, maxBackoffMs: 50 };
let cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** A server that records each request's key and whose first answer the proxy in front of it loses. */
async function serverLosingItsFirstAnswer(): Promise<{ proxy: LostAnswerProxy; received: string[]; call: (key: string, retry: boolean) => Promise<unknown> }> {
  const received: string[] = [];
  const answers = { lose: () => {} };
  const server = await startRelayServer(async (request) => {
    received.push(request.key);
    if (received.length === 1) answers.lose();
    return request;
  });
  cleanup.push(server.stop);
  const proxy = await startLostAnswerProxy(server.address);
  answers.lose = () => proxy.loseNextAnswer();
  cleanup.push(proxy.close);
  const stub = relayClient(proxy.address);
  cleanup.push(async () => stub.close());
  return { proxy, received, call: (key, retry) => callUnary(stub.pass.bind(stub), { key }, policy, {}, retry) };
}

describe('a lost answer', () => {
  it('is retried with the same request when the call may be retried', async () => {
    const { proxy, received, call } = await serverLosingItsFirstAnswer();
    await expect(call('order-key-1', true)).resolves.toEqual({ key: 'order-key-1' });
    expect(proxy.lost).toBe(1);
    expect(received).toEqual(['order-key-1', 'order-key-1']);
  });

  it('is reported as UNAVAILABLE, the work done once, when the call may not be retried', async () => {
    const { proxy, received, call } = await serverLosingItsFirstAnswer();
    await expect(call('unkeyed', false)).rejects.toMatchObject({ kind: 'UNAVAILABLE', status: status.UNAVAILABLE });
    expect(proxy.lost).toBe(1);
    expect(received).toEqual(['unkeyed']);
  });
});
