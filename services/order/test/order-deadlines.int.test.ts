import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall, type ServiceDefinition } from '@grpc/grpc-js';
import { deadlineOf } from '@shop/grpc-kit';
import { loadPackageDefinition, protoFiles, toGrpcObject, toTimestamp } from '@shop/proto';
import { expectRemoteFailure, waitFor, type TestCaller } from '@shop/testing';
import { OrderClient } from '../src/client/index.js';
import { startOrderAppBeside, type OrderAppBeside } from './order-app-beside.js';
import { startOrderComponent, type OrderComponent } from './order-component.js';

// The calls order makes for a createOrder carry what is left of the client's deadline, and stop when the client's
// call ends. An account service stand-in in front of order records the deadline each call arrives with, as a
// server sees it (call.getDeadline()); the catalog is the real one.

interface SeenCall {
  at: number;
  deadline: number | undefined;
  endedAt?: number;
}

/** An account service that answers GetAccounts with an account for every id ('answer'), or never ('hang'). */
async function startAccountStandIn(): Promise<{ address: string; seen: SeenCall[]; mode: { hang: boolean }; stop(): void }> {
  const seen: SeenCall[] = [];
  const mode = { hang: false };
  const grpcObject = toGrpcObject<{ shop: { account: { v1: { AccountService: { service: ServiceDefinition } } } } }>(loadPackageDefinition(protoFiles.account));
  const server = new Server();
  server.addService(grpcObject.shop.account.v1.AccountService.service, {
    getAccounts: (call: ServerUnaryCall<{ ids: string[] }, unknown>, callback: sendUnaryData<unknown>) => {
      const entry: SeenCall = { at: Date.now(), deadline: deadlineOf(call) };
      seen.push(entry);
      call.on('cancelled', () => (entry.endedAt ??= Date.now()));
      if (mode.hang) return;
      const now = toTimestamp(new Date());
      callback(null, { accounts: call.request.ids.map((id) => ({ id, name: 'Stand-in', email: `${id}@example.com`, role: 'CUSTOMER', createTime: now, updateTime: now })) });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return { address: `127.0.0.1:${port}`, seen, mode, stop: () => server.forceShutdown() };
}

let shop: OrderComponent;
let accounts: Awaited<ReturnType<typeof startAccountStandIn>>;
let order: OrderAppBeside;
let customer: TestCaller;
let kettle: string;
const clients: OrderClient[] = [];

beforeAll(async () => {
  shop = await startOrderComponent('order_deadlines');
  accounts = await startAccountStandIn();
  order = await startOrderAppBeside(shop, 'order_deadlines_own', { ACCOUNT_GRPC_ADDRESS: accounts.address });
  customer = await shop.aCustomer('Ada');
  kettle = (await shop.aProduct('Deadline kettle')).id;
});

afterEach(() => {
  accounts.mode.hang = false;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await order?.stop();
  accounts?.stop();
  await shop?.stop();
});

/** A client whose calls have `deadlineMs` in all and are not retried. */
function clientWithDeadline(deadlineMs: number): OrderClient {
  const client = OrderClient.connect(order.address, { deadlineMs, maxAttempts: 1, initialBackoffMs: 10, maxBackoffMs: 20 });
  clients.push(client);
  return client;
}

describe("order's calls on behalf of a createOrder", () => {
  it("carry what is left of the client's deadline instead of a fresh 5 s", async () => {
    const started = Date.now();
    await clientWithDeadline(1_500).create({ items: [{ productId: kettle, quantity: 1 }] }, customer.auth);
    const call = accounts.seen.at(-1)!;
    process.stdout.write(
      `client deadline +1500 ms; account got the call at +${call.at - started} ms with deadline +${call.deadline! - started} ms ` +
        `(${call.deadline! - call.at} ms left; order's own default would have given ${5_000} ms)\n`,
    );
    // A fresh 5 s deadline would end after started + 5000; the inherited one at about started + 1500.
    expect(call.deadline).toBeDefined();
    expect(call.deadline!).toBeLessThan(started + 3_000);
  });

  it("end when the client's deadline passes: the account call is cancelled and no order is stored", async () => {
    accounts.mode.hang = true;
    const client = clientWithDeadline(400);
    const before = (await client.list({ accountId: customer.accountId, pageSize: 100 }, customer.auth)).orders.length;
    await expectRemoteFailure(client.create({ items: [{ productId: kettle, quantity: 1 }] }, customer.auth), { status: status.DEADLINE_EXCEEDED, code: 'GRPC.DEADLINE_EXCEEDED' });
    const call = accounts.seen.at(-1)!;
    await waitFor("the account stand-in to see order's call end", async () => call.endedAt !== undefined);
    process.stdout.write(`account call ended ${call.endedAt! - call.at} ms after it arrived (its deadline was ${call.deadline! - call.at} ms away)\n`);
    expect((await client.list({ accountId: customer.accountId, pageSize: 100 }, customer.auth)).orders).toHaveLength(before);
  });
});
