import { afterEach, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { credentials, loadPackageDefinition, status, type Client } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath } from 'grpc-health-check';
import { freePort } from '@shop/free-port';
import { ANONYMOUS } from '@shop/identity';
import { pino } from 'pino';
import { startGrpcServer, type RunningGrpcServer } from './grpc-server.js';
import { CLIENT_CHANNEL_OPTIONS } from './call-policy.js';
import { callUnary, type UnaryMethod } from './unary-call.js';

// These tests are about transport, not tokens: every call is anonymous.
const anonymousOnly = { authenticate: async () => ANONYMOUS };

// Real servers and channels on loopback: only the health service, which every shop server carries.

type HealthStub = Client & { check: UnaryMethod<{ service: string }, { status: string }> };

const definition = loadSync(protoPath, { enums: String, defaults: true });
const Health = (loadPackageDefinition(definition) as unknown as { grpc: { health: { v1: { Health: new (address: string, creds: unknown, options: object) => HealthStub } } } }).grpc.health.v1.Health;

/** A server whose logger counts the calls it served. */
async function countingServer(port: number): Promise<{ server: RunningGrpcServer; calls: () => number }> {
  let calls = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (chunk.toString().includes('"grpc call"')) calls += 1;
      done();
    },
  });
  const server = await startGrpcServer({ port, host: '127.0.0.1', services: [], packageDefinition: definition, logger: pino({ level: 'debug' }, sink), authenticator: anonymousOnly });
  return { server, calls: () => calls };
}

const policy = { deadlineMs: 5_000, maxAttempts: 8, initialBackoffMs: 50, maxBackoffMs: 200 };
let cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup) await step();
  cleanup = [];
});

describe('callUnary', () => {
  it('retries UNAVAILABLE, when allowed, until a server that started late answers', async () => {
    const port = await freePort();
    const stub = new Health(`127.0.0.1:${port}`, credentials.createInsecure(), CLIENT_CHANNEL_OPTIONS);
    cleanup.push(async () => stub.close());
    const call = callUnary(stub.check.bind(stub), { service: '' }, policy, {}, true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const { server } = await countingServer(port);
    cleanup.push(() => server.shutdown(100));
    await expect(call).resolves.toEqual({ status: 'SERVING' });
  });

  it('does not retry UNAVAILABLE when not allowed: one attempt, long before the deadline', async () => {
    const port = await freePort();
    const stub = new Health(`127.0.0.1:${port}`, credentials.createInsecure(), CLIENT_CHANNEL_OPTIONS);
    cleanup.push(async () => stub.close());
    const started = Date.now();
    await expect(callUnary(stub.check.bind(stub), { service: '' }, { ...policy, deadlineMs: 60_000 })).rejects.toMatchObject({ status: status.UNAVAILABLE });
    // Retrying would go on until the 60 s deadline, past the test's own timeout.
    process.stdout.write(`no server, no retry: UNAVAILABLE after ${Date.now() - started} ms (deadline 60 s)\n`);
  });

  it('does not retry other statuses: one call, and the status comes back as a RemoteError', async () => {
    const port = await freePort();
    const { server, calls } = await countingServer(port);
    cleanup.push(() => server.shutdown(100));
    const stub = new Health(`127.0.0.1:${port}`, credentials.createInsecure(), CLIENT_CHANNEL_OPTIONS);
    cleanup.push(async () => stub.close());
    await expect(callUnary(stub.check.bind(stub), { service: 'no.such.Service' }, policy, {}, true)).rejects.toMatchObject({ status: status.NOT_FOUND, kind: 'NOT_FOUND' });
    expect(calls()).toBe(1);
  });

  it('gives up at the deadline when nothing ever answers', async () => {
    const port = await freePort();
    const stub = new Health(`127.0.0.1:${port}`, credentials.createInsecure(), CLIENT_CHANNEL_OPTIONS);
    cleanup.push(async () => stub.close());
    const error = await callUnary(stub.check.bind(stub), { service: '' }, { ...policy, deadlineMs: 400 }, {}, true).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ kind: 'UNAVAILABLE' });
    expect([status.UNAVAILABLE, status.DEADLINE_EXCEEDED]).toContain((error as { status: status }).status);
  });
});
