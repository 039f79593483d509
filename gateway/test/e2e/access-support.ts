import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import type { MatrixCaller, MatrixOutcome } from '@shop/hooks';
import WebSocket from 'ws';
import { graphql, type GraphQLResponse, type ShopHarness } from './shop-harness.js';

// What the access matrix tests share: customers to play the matrix callers, and how an answer reads as an outcome.

/** A signed-in customer of the test shop. */
export interface Customer {
  accountId: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

/** The customer who owns the records a case is about, and another customer. */
export interface Players {
  owner: Customer;
  other: Customer;
}

/** Registers a new customer through the public API. */
export async function registerCustomer(shop: ShopHarness, name = 'Customer'): Promise<Customer> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@example.com`;
  const password = `password-${randomUUID()}`;
  const answer = await graphql<{ register: { accessToken: string; refreshToken: string; account: { id: string } } }>(
    shop.url,
    'mutation ($input: RegisterInput!) { register(input: $input) { accessToken refreshToken account { id } } }',
    { input: { name, email, password } },
  );
  if (!answer.data) throw new Error(`register failed: ${JSON.stringify(answer.errors)}`);
  return { accountId: answer.data.register.account.id, email, password, token: answer.data.register.accessToken, refreshToken: answer.data.register.refreshToken };
}

/** Two new customers: the owner of a case's records and the other one. */
export async function players(shop: ShopHarness): Promise<Players> {
  return { owner: await registerCustomer(shop, 'Owner'), other: await registerCustomer(shop, 'Other') };
}

/** The token a matrix caller sends: none, the owner's, the other customer's, or the first admin's. */
export function tokenOf(shop: ShopHarness, caller: MatrixCaller, who: Players): string | undefined {
  if (caller === 'anonymous') return undefined;
  if (caller === 'admin') return shop.adminToken;
  return caller === 'customer' ? who.owner.token : who.other.token;
}

/**
 * An answer as a matrix outcome: the refusal codes as they are, NOT_FOUND as `hidden`, and a successful answer
 * as `hidden` when `isHidden` says the record did not show (null, no edges, someone else's), else `allowed`.
 * Any other error is returned as its code, which no expectation matches.
 */
export function outcomeOf<T>(answer: GraphQLResponse<T>, isHidden: (data: T) => boolean = () => false): MatrixOutcome | string {
  const code = answer.errors?.[0]?.extensions?.code;
  if (code === 'NOT_FOUND') return 'hidden';
  if (code !== undefined) return code;
  return isHidden(answer.data as T) ? 'hidden' : 'allowed';
}

/** The first answer of an orderStatusChanged subscription, as an outcome; `trigger` makes a status change once it runs. */
export async function subscriptionOutcome(shop: ShopHarness, token: string | undefined, orderId: string, trigger: () => Promise<unknown>): Promise<MatrixOutcome | string> {
  const client = createClient({
    url: `${shop.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  try {
    const subscription = client.iterate<{ orderStatusChanged: { status: string } }>({
      query: 'subscription ($id: ID!) { orderStatusChanged(orderId: $id) { status } }',
      variables: { id: orderId },
    });
    const first = subscription.next();
    // Give the server time to start the subscription (or refuse it) before the change happens.
    const early = await Promise.race([first.then(() => 'answered' as const), new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 300))]);
    if (early === 'waiting') await trigger();
    const result = await first;
    await subscription.return?.();
    return outcomeOf(result.value as GraphQLResponse<{ orderStatusChanged: { status: string } }>);
  } finally {
    await client.dispose();
  }
}
