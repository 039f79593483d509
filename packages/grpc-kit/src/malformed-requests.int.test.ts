import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { ANONYMOUS } from '@shop/identity';
import { pino } from 'pino';
import { startGrpcServer, type RunningGrpcServer } from './grpc-server.js';
import { MALFORMED_REQUEST_CODE } from './malformed-requests.js';
import { ERROR_CODE_KEY } from './status-mapping.js';
import { unary } from './unary.js';
import { jsonServiceDefinition } from '../test/json-service.js';

// Request bytes that do not decode as the method's message are the caller's fault: INVALID_ARGUMENT, where
// grpc-js answers INTERNAL ("Error deserializing request"). Found by the shop's fuzz test (gateway/test/fuzz).

// A one-method service with JSON messages (test/json-service.ts).
const echoDefinition = jsonServiceDefinition('Echo', '/test.Echo/Echo');
const logger = pino({ level: 'silent' });

let server: RunningGrpcServer;
let client: Client;
beforeAll(async () => {
  server = await startGrpcServer({
    port: 0,
    host: '127.0.0.1',
    services: [{ name: 'test.Echo', definition: echoDefinition, implementation: { Echo: unary(logger, async (request: { text: string }) => ({ text: request.text })) } }],
    packageDefinition: {},
    logger,
    authenticator: { authenticate: async () => ANONYMOUS },
  });
  client = new Client(`127.0.0.1:${server.port}`, credentials.createInsecure());
});
afterAll(async () => {
  client.close();
  await server.shutdown(100);
});

/** Sends `bytes` as they are; answers the decoded response or the error. */
function send(bytes: Buffer): Promise<unknown> {
  const identity = (value: Buffer) => value;
  return new Promise((resolve) => {
    client.makeUnaryRequest('/test.Echo/Echo', identity, identity, bytes, new Metadata(), {}, (error?: ServiceError | null, response?: Buffer) =>
      resolve(error ?? JSON.parse(response!.toString())),
    );
  });
}

it('answers INVALID_ARGUMENT with its code to bytes that are not a message of the method', async () => {
  const refused = (await send(Buffer.from('{"text": "cut sho'))) as ServiceError;
  expect(refused.code).toBe(status.INVALID_ARGUMENT);
  expect(refused.details).toMatch(/not a valid message of \/test\.Echo\/Echo/);
  expect(refused.metadata.get(ERROR_CODE_KEY)).toEqual([MALFORMED_REQUEST_CODE]);
});

it('still runs the handler for a well-formed request', async () => {
  expect(await send(Buffer.from('{"text":"hello"}'))).toEqual({ text: 'hello' });
});
