import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import type { CallContext } from '@shop/grpc-kit';
import { FORGED_TOKEN_NAMES, forgedTokens, type ForgedTokenName } from '@shop/testing';
import { registerCustomer, type Customer } from './access-support.js';
import { startShop, type ShopHarness } from './shop-harness.js';

// Forged and malformed tokens against the gateway and against each gRPC service directly: a token the gateway
// refuses, every service refuses in the same way (UNAUTHENTICATED), and nothing runs. Forgeries are made with the
// shop's own signing key wherever the attack needs one, so only the named flaw is wrong.

let shop: ShopHarness;
let customer: Customer;
let forged: Record<ForgedTokenName, string>;

beforeAll(async () => {
  shop = await startShop('e2e_tokens');
  customer = await registerCustomer(shop, 'Forged');
  forged = await forgedTokens(shop.signingKey, customer.accountId);
}, 60_000);
afterAll(async () => {
  await shop.stop();
});

/** POSTs `{ me { id } }` with exactly these header lines; node:http keeps duplicate headers apart. */
function postMe(headers: string[]): Promise<{ status: number; wwwAuthenticate: string | undefined; body: { errors?: { extensions: { code: string } }[] } }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query: '{ me { id } }' });
    const request = httpRequest(
      `${shop.url}/graphql`,
      { method: 'POST', headers: ['host', new URL(shop.url).host, 'content-type', 'application/json', 'content-length', String(body.length), ...headers] },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, wwwAuthenticate: response.headers['www-authenticate'], body: JSON.parse(Buffer.concat(chunks).toString()) as never }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** What each service answers a token with, on a call any caller may make (so only the token decides). */
async function serviceAnswers(token: string): Promise<Record<string, string>> {
  const auth: CallContext = { authorization: `Bearer ${token}` };
  const kindOf = (call: Promise<unknown>) => call.then(() => 'OK', (error: { kind?: string }) => error.kind ?? 'failed');
  return {
    account: await kindOf(shop.clients.accounts.me(auth)),
    catalog: await kindOf(shop.clients.catalog.list({ pageSize: 1 }, auth)),
    order: await kindOf(shop.clients.orders.getMany([], auth)),
  };
}

const REFUSED = { account: 'UNAUTHENTICATED', catalog: 'UNAUTHENTICATED', order: 'UNAUTHENTICATED' };

describe('tokens', () => {
  it('lets the real token through everywhere', async () => {
    const answer = await postMe(['authorization', `Bearer ${customer.token}`]);
    expect(answer.status).toBe(200);
    expect(await serviceAnswers(customer.token)).toEqual({ account: 'OK', catalog: 'OK', order: 'OK' });
  });

  it.each(FORGED_TOKEN_NAMES)('refuses a token that is %s: 401 at the gateway, UNAUTHENTICATED at every service', async (name) => {
    const answer = await postMe(['authorization', `Bearer ${forged[name]}`]);
    expect(answer.status).toBe(401);
    expect(answer.wwwAuthenticate).toMatch(/^Bearer error="invalid_token"/);
    expect(answer.body.errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(await serviceAnswers(forged[name])).toEqual(REFUSED);
  });

  it('refuses a token without the Bearer prefix, and two Authorization headers, at the gateway', async () => {
    expect((await postMe(['authorization', customer.token])).status).toBe(401);
    expect((await postMe(['authorization', `Bearer ${customer.token}`, 'authorization', `Bearer ${customer.token}`])).status).toBe(401);
    const unprefixed = await shop.clients.catalog.list({ pageSize: 1 }, { authorization: customer.token }).then(() => 'OK', (error: { kind?: string }) => error.kind);
    expect(unprefixed).toBe('UNAUTHENTICATED');
  });
});
