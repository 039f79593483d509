import { afterEach, describe, expect, it } from '@jest/globals';
import { credentials, makeGenericClientConstructor, status, type ServiceError } from '@grpc/grpc-js';
import { ANONYMOUS } from '@shop/identity';
import { pino } from 'pino';
import { startGrpcServer, type RunningGrpcServer } from './grpc-server.js';
import { isServing } from './health-check.js';
import { unary } from './unary.js';
import { jsonServiceDefinition } from '../test/json-service.js';

// These tests are about transport, not tokens: every call is anonymous.
const anonymousOnly = { authenticate: async () => ANONYMOUS };

// A one-method service with JSON messages (test/json-service.ts).
const slowDefinition = jsonServiceDefinition('wait', '/test.Slow/Wait');
const SlowClient = makeGenericClientConstructor(slowDefinition, 'Slow');
const logger = pino({ level: 'silent' });

let server: RunningGrpcServer | undefined;
let closeClient: (() => void) | undefined;
afterEach(async () => {
  closeClient?.();
  await server?.shutdown(100);
  server = undefined;
});

async function startSlowServer(): Promise<{ running: RunningGrpcServer; call: (ms: number) => Promise<unknown> }> {
  const running = await startGrpcServer({
    port: 0,
    host: '127.0.0.1',
    services: [
      {
        name: 'test.Slow',
        definition: slowDefinition,
        implementation: { wait: unary(logger, async (request: { ms: number }) => new Promise((resolve) => setTimeout(() => resolve({ ms: request.ms }), request.ms).unref())) },
      },
    ],
    packageDefinition: {},
    logger,
    authenticator: anonymousOnly,
  });
  const client = new SlowClient(`127.0.0.1:${running.port}`, credentials.createInsecure());
  closeClient = () => client.close();
  const call = (ms: number) =>
    new Promise((resolve, reject) =>
      (client as unknown as { wait: (r: unknown, cb: (e: ServiceError | null, v?: unknown) => void) => void }).wait({ ms }, (error, value) =>
        error ? reject(error) : resolve(value),
      ),
    );
  return { running, call };
}

describe('startGrpcServer shutdown', () => {
  it('lets an in-flight call finish, reports NOT_SERVING meanwhile, then refuses new calls', async () => {
    const { running, call } = await startSlowServer();
    server = running;
    const inFlight = call(400);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = running.shutdown(5_000);
    await expect(inFlight).resolves.toEqual({ ms: 400 });
    await stopped;
    expect(await isServing(`127.0.0.1:${running.port}`)).toBe(false);
    await expect(call(1)).rejects.toMatchObject({ code: status.UNAVAILABLE });
  });

  it('cuts calls still running when the grace period ends', async () => {
    const { running, call } = await startSlowServer();
    server = running;
    const inFlight = call(5_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await running.shutdown(200);
    // Rejected, not answered: the handler would only answer after 5 s.
    await expect(inFlight).rejects.toMatchObject({ code: expect.any(Number) });
  });
});
