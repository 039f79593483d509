interface GraphqlAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Sign-in details: the first admin's (from the account service's environment) or a seeded customer's. */
export interface Credentials {
  email: string;
  password: string;
}

async function graphql<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ status: number; answer: GraphqlAnswer<T> }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, answer: (await response.json()) as GraphqlAnswer<T> };
}

/** The data of a query that must succeed; throws with what the gateway answered otherwise. */
async function data<T>(baseUrl: string, what: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const { status, answer } = await graphql<T>(baseUrl, query, variables, token);
  if (status !== 200 || answer.errors || !answer.data) throw new Error(`${what} answered ${status}: ${JSON.stringify(answer.errors ?? answer)}`);
  return answer.data;
}

async function products(baseUrl: string, query: string | undefined, first: number): Promise<string[]> {
  const found = await data<{ products: { edges: { node: { name: string } }[] } }>(
    baseUrl,
    `products(query: ${JSON.stringify(query)})`,
    'query Smoke($query: String, $first: Int) { products(query: $query, first: $first) { edges { node { id name } } } }',
    { query, first },
  );
  return found.products.edges.map((edge) => edge.node.name);
}

async function login(baseUrl: string, who: string, credentials: Credentials): Promise<string> {
  const signedIn = await data<{ login: { accessToken: string } }>(baseUrl, `login as ${who} (${credentials.email})`, 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }', { ...credentials });
  return signedIn.login.accessToken;
}

type Me = { me: { email: string; role: string; orders: { edges: { node: { status: string } }[] } } | null };
const ME = '{ me { email role orders(first: 10) { edges { node { status } } } } }';

/** The customer's orders once none is PENDING: the stock saga ran over NATS (order -> catalog -> order). */
async function settledOrders(baseUrl: string, token: string): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { me } = await data<Me>(baseUrl, 'me (customer)', ME, {}, token);
    const statuses = (me?.orders.edges ?? []).map((edge) => edge.node.status);
    if (statuses.length > 0 && !statuses.includes('PENDING')) return statuses;
    if (Date.now() > deadline) throw new Error(`the seeded orders are still ${JSON.stringify(statuses)} after 30 s: the stock saga did not run over NATS`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** What the smoke queries saw, for the report. */
export interface SmokeResult {
  listed: string[];
  found: string[];
  playgroundBytes: number;
  admin: { email: string; role: string; accountsListed: number };
  customer: { email: string; role: string; orderStatuses: string[]; refusedCode: string };
}

/**
 * The user's first minutes, through the gateway's published port: list products, search for a seeded one
 * ("zephyr" must find the Zephyr kettles), open the playground page; sign in as the first admin and run an
 * admin-only query; sign in as the seeded customer, see its own orders settled by the stock saga, and be refused
 * an admin-only query.
 */
export async function smokeTest(baseUrl: string, admin: Credentials, customer: Credentials): Promise<SmokeResult> {
  const listed = await products(baseUrl, undefined, 5);
  if (listed.length === 0) throw new Error('products(first: 5) returned no product: the seed did not reach the catalog');
  const found = await products(baseUrl, 'zephyr', 10);
  if (!found.some((name) => /zephyr/i.test(name))) throw new Error(`products(query: "zephyr") found no seeded Zephyr product: ${JSON.stringify(found)}`);
  const playground = await fetch(`${baseUrl}/playground`, { signal: AbortSignal.timeout(10_000) });
  const html = await playground.text();
  if (playground.status !== 200 || !/text\/html/.test(playground.headers.get('content-type') ?? '') || !/<html/i.test(html)) {
    throw new Error(`GET /playground answered ${playground.status} ${playground.headers.get('content-type')}, not an HTML page`);
  }

  const adminToken = await login(baseUrl, 'the first admin', admin);
  const adminMe = (await data<Me>(baseUrl, 'me (admin)', ME, {}, adminToken)).me;
  if (adminMe?.role !== 'ADMIN') throw new Error(`the first admin signed in as ${JSON.stringify(adminMe)}, not with role ADMIN`);
  const accounts = await data<{ accounts: { edges: unknown[] } }>(baseUrl, 'accounts(first: 1) as the admin', '{ accounts(first: 1) { edges { node { id email } } } }', {}, adminToken);
  if (accounts.accounts.edges.length !== 1) throw new Error('accounts(first: 1) as the admin listed no account');

  const customerToken = await login(baseUrl, 'the seeded customer', customer);
  const customerMe = (await data<Me>(baseUrl, 'me (customer)', ME, {}, customerToken)).me;
  if (customerMe?.role !== 'CUSTOMER') throw new Error(`the seeded customer signed in as ${JSON.stringify(customerMe)}, not with role CUSTOMER`);
  const refused = await graphql(baseUrl, '{ accounts(first: 1) { edges { node { id } } } }', {}, customerToken);
  const refusedCode = refused.answer.errors?.[0]?.extensions?.code ?? 'none';
  if (refusedCode !== 'FORBIDDEN') throw new Error(`accounts(first: 1) as a customer answered ${JSON.stringify(refused.answer)}, not FORBIDDEN`);
  const orderStatuses = await settledOrders(baseUrl, customerToken);

  return {
    listed,
    found,
    playgroundBytes: html.length,
    admin: { email: adminMe.email, role: adminMe.role, accountsListed: accounts.accounts.edges.length },
    customer: { email: customerMe.email, role: customerMe.role, orderStatuses, refusedCode },
  };
}
