import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { startDownGateway, type DownGateway } from './down-gateway.js';
import { postGraphQL } from './gateway-http-client.js';

// A subscription sent over HTTP is the client's mistake: 400 BAD_REQUEST before anything runs, where Apollo would
// execute it once like a query and answer INTERNAL_SERVER_ERROR. Found by the fuzz test (gateway/test/fuzz).

let gateway: DownGateway;
beforeAll(async () => {
  gateway = await startDownGateway();
});
afterAll(() => gateway.stop());

it('answers 400 BAD_REQUEST naming the WebSocket, and calls no service', async () => {
  const answer = await postGraphQL(gateway.baseUrl, 'subscription ($id: ID!) { orderStatusChanged(orderId: $id) { status } }', { id: '0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f' });
  expect(answer.status).toBe(400);
  expect(answer.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/WebSocket/), extensions: { code: 'BAD_REQUEST' } })]);
  expect(gateway.calls).toEqual([]);
});

it('still answers queries over HTTP', async () => {
  const answer = await postGraphQL(gateway.baseUrl, '{ __typename }');
  expect(answer).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
});
