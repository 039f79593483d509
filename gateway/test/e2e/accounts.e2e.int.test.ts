import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { startShop, type ShopHarness } from './shop-harness.js';

// End to end through the gateway: the account operations of API.md and their bad inputs.

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShop('e2e_accounts');
});
afterAll(async () => {
  await shop.stop();
});

const ACCOUNT_FIELDS = 'id name email createdAt';
const createAccount = (input: Record<string, unknown>) =>
  shop.admin<{ createAccount: { id: string; name: string; email: string; createdAt: string } }>(
    `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { ${ACCOUNT_FIELDS} } }`,
    { input },
  );

/** Asserts one error with this code (and field), and no data written for it. */
function expectError(response: { errors?: { extensions?: { code?: string; field?: string } }[] }, code: string, field?: string) {
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject(field === undefined ? { code } : { code, field });
}

describe('accounts through the gateway', () => {
  it('creates, reads, updates and pages accounts', async () => {
    const created = await createAccount({ name: '  Zoë Ørsted  ', email: 'zoe@example.com' });
    expect(created.errors).toBeUndefined();
    const account = created.data!.createAccount;
    expect(account).toMatchObject({ name: 'Zoë Ørsted', email: 'zoe@example.com' });
    expect(account.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

    const read = await shop.admin<{ account: unknown }>(`query ($id: ID!) { account(id: $id) { ${ACCOUNT_FIELDS} } }`, { id: account.id });
    expect(read.data!.account).toEqual(account);

    const updated = await shop.admin<{ updateAccount: { name: string; email: string } }>(
      'mutation ($id: ID!) { updateAccount(id: $id, input: { email: "zoe@example.org" }) { name email } }',
      { id: account.id },
    );
    expect(updated.data!.updateAccount).toEqual({ name: 'Zoë Ørsted', email: 'zoe@example.org' });

    for (let i = 0; i < 4; i += 1) await createAccount({ name: `Pager ${i}`, email: `pager${i}@example.com` });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: { accounts: { edges: { node: { id: string }; cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } =
        await shop.admin('query ($after: String) { accounts(first: 2, after: $after) { edges { node { id } cursor } pageInfo { hasNextPage endCursor } } }', { after });
      const connection = page.data!.accounts;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    // The five made here, newest first, then the shop's first admin (made at start).
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen.at(-2)).toBe(account.id);
  });

  it('answers null for a well-formed UUID that names nothing, BAD_USER_INPUT for anything else', async () => {
    expect((await shop.admin('query ($id: ID!) { account(id: $id) { id } }', { id: newId() })).data).toEqual({ account: null });
    expectError(await shop.admin('query { account(id: "42") { id } }'), 'BAD_USER_INPUT', 'id');
  });

  it.each([
    ['an empty name', { name: '', email: 'a@example.com' }, 'name'],
    ['a blank name', { name: '    ', email: 'a@example.com' }, 'name'],
    ['a 201-character name', { name: 'n'.repeat(201), email: 'a@example.com' }, 'name'],
    ['an invalid email', { name: 'Ada', email: 'ada.example.com' }, 'email'],
    ['an email with spaces', { name: 'Ada', email: 'ada @example.com' }, 'email'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, input, field) => {
    expectError(await createAccount(input), 'BAD_USER_INPUT', field);
  });

  it('refuses an email already in use in another case with CONFLICT, and writes nothing', async () => {
    await createAccount({ name: 'Grace', email: 'grace@example.com' });
    const before = await shop.admin<{ accounts: { edges: unknown[] } }>('{ accounts(first: 100) { edges { cursor } } }');
    expectError(await createAccount({ name: 'Other Grace', email: 'GRACE@example.COM' }), 'CONFLICT', 'email');
    const after = await shop.admin<{ accounts: { edges: unknown[] } }>('{ accounts(first: 100) { edges { cursor } } }');
    expect(after.data!.accounts.edges).toHaveLength(before.data!.accounts.edges.length);
  });

  it('refuses bad updates, changing nothing', async () => {
    const { id } = (await createAccount({ name: 'Hedy', email: 'hedy@example.com' })).data!.createAccount;
    expectError(await shop.admin('mutation ($id: ID!) { updateAccount(id: $id, input: { name: "" }) { id } }', { id }), 'BAD_USER_INPUT', 'name');
    expectError(await shop.admin('mutation ($id: ID!) { updateAccount(id: $id, input: { name: "Ok", email: "nope" }) { id } }', { id }), 'BAD_USER_INPUT', 'email');
    expectError(await shop.admin('mutation { updateAccount(id: "x", input: { name: "Ok" }) { id } }'), 'BAD_USER_INPUT', 'id');
    expectError(await shop.admin('mutation ($id: ID!) { updateAccount(id: $id, input: { name: "Ok" }) { id } }', { id: newId() }), 'NOT_FOUND');
    const read = await shop.admin<{ account: { name: string; email: string } }>('query ($id: ID!) { account(id: $id) { name email } }', { id });
    expect(read.data!.account).toEqual({ name: 'Hedy', email: 'hedy@example.com' });
  });

  it.each([0, 101, -1])('refuses first: %p with BAD_USER_INPUT on first', async (first) => {
    expectError(await shop.admin('query ($first: Int) { accounts(first: $first) { edges { cursor } } }', { first }), 'BAD_USER_INPUT', 'first');
  });

  it('refuses a cursor that is not one of ours with BAD_USER_INPUT on after', async () => {
    expectError(await shop.admin('{ accounts(after: "garbage") { edges { cursor } } }'), 'BAD_USER_INPUT', 'after');
  });

  it('refuses a mistyped variable before any call, with no stack trace', async () => {
    const response = await shop.admin('query ($first: Int) { accounts(first: $first) { edges { cursor } } }', { first: 'ten' });
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});
