import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type Socket } from 'node:net';
import { waitFor } from '@shop/testing';
import { readGatewayConfig } from '../src/config.js';
import { rawExchange, startDownGateway, type DownGateway } from './down-gateway.js';
import { postGraphQL } from './gateway-http-client.js';

// The HTTP limits (API.md "Abuse") at a real gateway: request targets, slow clients, and the connection cap.
// Timeouts and the cap are set small here, so the tests see them act; nothing is timed beyond generous bounds.

const REQUEST = (target: string) => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;

describe('settings', () => {
  it('defaults to 10 s for headers, 30 s for the whole request, 1 MB bodies and 1,000 connections', () => {
    const config = readGatewayConfig({});
    expect(config).toMatchObject({ HTTP_HEADERS_TIMEOUT_MS: 10_000, HTTP_REQUEST_TIMEOUT_MS: 30_000, HTTP_MAX_BODY_BYTES: 1_048_576, HTTP_MAX_CONNECTIONS: 1_000 });
    expect(config).toMatchObject({ GRAPHQL_MAX_DEPTH: 12, GRAPHQL_MAX_ALIASES: 15, GRAPHQL_MAX_TOKENS: 1_000, GRAPHQL_MAX_COST: 50_000 });
  });

  it('refuses a headers timeout longer than the request timeout, and limits that are not positive', () => {
    expect(() => readGatewayConfig({ HTTP_HEADERS_TIMEOUT_MS: '40000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => readGatewayConfig({ GRAPHQL_MAX_COST: '0', HTTP_MAX_CONNECTIONS: 'many' })).toThrow(/GRAPHQL_MAX_COST[\s\S]*HTTP_MAX_CONNECTIONS/);
  });
});

describe('request targets', () => {
  let gateway: DownGateway;
  beforeAll(async () => {
    gateway = await startDownGateway();
  });
  afterAll(() => gateway.stop());

  it.each(['//[', '*', 'http://x/', 'http://127.0.0.1/graphql', '//evil.example/graphql', '/\\evil.example/graphql'])(
    'answers 400 to the target %p, which is not a path, before routing',
    async (target) => {
      const exchange = await rawExchange(gateway.port, REQUEST(target), 5_000);
      expect(exchange.received).toMatch(/^HTTP\/1\.1 400 /);
      const body = JSON.parse(/\{"errors".*\}/.exec(exchange.received)?.[0] ?? 'null') as unknown;
      expect(body).toEqual({ errors: [{ message: 'the request target must be a path, such as /graphql', extensions: { code: 'BAD_REQUEST' } }] });
      expect(gateway.calls).toEqual([]);
    },
  );

  it('still routes paths: unknown ones are 404, /healthz is 200', async () => {
    expect((await rawExchange(gateway.port, REQUEST('/[x]'), 5_000)).received).toMatch(/^HTTP\/1\.1 404 /);
    expect((await rawExchange(gateway.port, REQUEST('/healthz?probe=1'), 5_000)).received).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('slow clients', () => {
  let gateway: DownGateway;
  beforeAll(async () => {
    gateway = await startDownGateway({ HTTP_HEADERS_TIMEOUT_MS: 500, HTTP_REQUEST_TIMEOUT_MS: 1_000 });
  });
  afterAll(() => gateway.stop());

  it('disconnects a client that sends half a header block, while serving others', async () => {
    const slow = rawExchange(gateway.port, 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: app', 20_000);
    expect(await postGraphQL(gateway.baseUrl, '{ __typename }')).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    const exchange = await slow;
    process.stdout.write(`half a header block: disconnected after ${exchange.elapsedMs} ms (headers timeout 500 ms)\n`);
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.received).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('disconnects a client whose body is shorter than its Content-Length', async () => {
    const body = '{"query":"{ __typename }"}';
    const head = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 100}\r\n\r\n`;
    const exchange = await rawExchange(gateway.port, head + body, 20_000);
    process.stdout.write(`short body: disconnected after ${exchange.elapsedMs} ms (request timeout 1000 ms)\n`);
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.received).toMatch(/^(HTTP\/1\.1 408 |$)/);
    expect(gateway.calls).toEqual([]);
  });
});

describe('the connection cap', () => {
  let gateway: DownGateway;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    gateway = await startDownGateway({ HTTP_MAX_CONNECTIONS: 3 });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await gateway.stop();
  });

  /** Opens a connection and waits until it is established (the server may still close it at once). */
  const open = () =>
    new Promise<Socket>((resolve, reject) => {
      const socket = connect(gateway.port, '127.0.0.1', () => resolve(socket));
      socket.once('error', reject);
      sockets.push(socket);
    });

  /** Sends one GET on an open connection and reads the status line of its answer. */
  const statusOn = (socket: Socket, path: string) =>
    new Promise<string>((resolve, reject) => {
      socket.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').split('\r\n')[0]!));
      socket.once('close', () => reject(new Error('closed before answering')));
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    });

  it('closes connections past the cap at once, and the others keep being served', async () => {
    const held = [await open(), await open(), await open()];
    expect(await statusOn(held[0]!, '/healthz')).toBe('HTTP/1.1 200 OK');

    const extra = await rawExchange(gateway.port, REQUEST('/healthz'), 10_000);
    expect(extra).toMatchObject({ received: '', closedByServer: true });

    for (const socket of held) expect(await statusOn(socket, '/healthz')).toBe('HTTP/1.1 200 OK');

    // Once one closes, a new connection gets its place.
    held[2]!.destroy();
    await waitFor('a new connection to be served', async () => /^HTTP\/1\.1 200 /.test((await rawExchange(gateway.port, REQUEST('/healthz'), 10_000)).received), 10_000);
  });
});
