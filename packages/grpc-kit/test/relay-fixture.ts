import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials, loadPackageDefinition, Server, ServerCredentials, type Client, type ServerUnaryCall, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ANONYMOUS } from '@shop/identity';
import { createLogger } from '@shop/logger';
import { authInterceptor } from '../src/auth-interceptor.js';
import { CLIENT_CHANNEL_OPTIONS } from '../src/call-policy.js';
import { unary } from '../src/unary.js';
import type { UnaryMethod } from '../src/unary-call.js';

// A one-method service for grpc-kit's own tests: a request carries a key, and servers in a chain pass it on.

/** The one message of the relay service. */
export interface Hop {
  key: string;
}

/** A client stub of the relay service. */
export type RelayStub = Client & { pass: UnaryMethod<Hop, Hop> };

const PROTO = `syntax = "proto3";
package shop.test.v1;
service Relay { rpc Pass (Hop) returns (Hop); }
message Hop { string key = 1; }
`;

function relayDefinition(): { service: ServiceDefinition; Stub: new (address: string, creds: unknown, options: object) => RelayStub } {
  const file = join(mkdtempSync(join(tmpdir(), 'shop-relay-')), 'relay.proto');
  writeFileSync(file, PROTO);
  const loaded = loadPackageDefinition(loadSync(file, { defaults: true })) as unknown as {
    shop: { test: { v1: { Relay: (new (address: string, creds: unknown, options: object) => RelayStub) & { service: ServiceDefinition } } } };
  };
  const Relay = loaded.shop.test.v1.Relay;
  return { service: Relay.service, Stub: Relay };
}

const definition = relayDefinition();
const logger = createLogger('relay-test', 'silent');

/** A running relay server. */
export interface RelayServer {
  address: string;
  stop(): Promise<void>;
}

/** Starts a relay server whose Pass runs `handler` through grpc-kit's `unary` (so in the call's scope), callers anonymous. */
export async function startRelayServer(handler: (request: Hop, call: ServerUnaryCall<Hop, Hop>) => Promise<Hop>): Promise<RelayServer> {
  const server = new Server({ interceptors: [authInterceptor({ authenticate: async () => ANONYMOUS })] });
  server.addService(definition.service, { pass: unary<Hop, Hop>(logger, (request, _caller, call) => handler(request, call)) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return {
    address: `127.0.0.1:${port}`,
    stop: async () => server.forceShutdown(),
  };
}

/** A client of the relay server at `address`. */
export function relayClient(address: string): RelayStub {
  return new definition.Stub(address, credentials.createInsecure(), CLIENT_CHANNEL_OPTIONS);
}
