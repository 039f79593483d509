import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { startShop, type ShopHarness } from './shop-harness.js';

// End to end through the gateway: products, exact money, search and stable pages.

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShop('e2e_products');
});
afterAll(async () => {
  await shop.stop();
});

interface ProductResult {
  id: string;
  name: string;
  description: string;
  price: { amount: string; currencyCode: string };
  stock: number;
  createdAt: string;
  updatedAt: string;
}
const PRODUCT_FIELDS = 'id name description price { amount currencyCode } stock createdAt updatedAt';

async function createProduct(input: Record<string, unknown>) {
  return shop.admin<{ createProduct: ProductResult }>(`mutation ($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT_FIELDS} } }`, { input });
}

async function aProduct(name: string, description = 'A thing worth having.', amount = '10.00', currencyCode = 'USD'): Promise<ProductResult> {
  const response = await createProduct({ name, description, price: { amount, currencyCode }, stock: 5 });
  expect(response.errors).toBeUndefined();
  return response.data!.createProduct;
}

function expectError(response: { errors?: { extensions?: { code?: string; field?: string } }[] }, code: string, field?: string) {
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject(field === undefined ? { code } : { code, field });
}

async function allPages(query: string | null, first: number, between?: () => Promise<void>): Promise<string[]> {
  const names: string[] = [];
  let after: string | null = null;
  for (;;) {
    const response: { data?: { products: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } = await shop.admin(
      'query ($query: String, $first: Int, $after: String) { products(query: $query, first: $first, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }',
      { query, first, after },
    );
    names.push(...response.data!.products.edges.map((edge) => edge.node.name));
    if (!response.data!.products.pageInfo.hasNextPage) return names;
    after = response.data!.products.pageInfo.endCursor;
    await between?.();
  }
}

describe('products through the gateway', () => {
  it('writes amounts with exactly the currency digits', async () => {
    expect((await aProduct('Dime', 'Small change.', '0.1')).price).toEqual({ amount: '0.10', currencyCode: 'USD' });
    expect((await aProduct('Quarter', 'Exact.', '25')).price).toEqual({ amount: '25.00', currencyCode: 'USD' });
    expect((await aProduct('Yen thing', 'Zero digits.', '500', 'JPY')).price).toEqual({ amount: '500', currencyCode: 'JPY' });
    expect((await aProduct('Dinar thing', 'Three digits.', '1.5', 'KWD')).price).toEqual({ amount: '1.500', currencyCode: 'KWD' });
    expect((await aProduct('Most expensive', 'At the limit.', '1000000.00')).price.amount).toBe('1000000.00');
    expect((await aProduct('Cheapest', 'At the limit.', '0.01')).price.amount).toBe('0.01');
  });

  it.each([
    ['too many decimals', { price: { amount: '1.999', currencyCode: 'USD' } }, 'price.amount'],
    ['decimals in a zero-digit currency', { price: { amount: '1.5', currencyCode: 'JPY' } }, 'price.amount'],
    ['a negative amount', { price: { amount: '-1.00', currencyCode: 'USD' } }, 'price.amount'],
    ['a zero amount', { price: { amount: '0', currencyCode: 'USD' } }, 'price.amount'],
    ['an amount above 1,000,000.00', { price: { amount: '1000000.01', currencyCode: 'USD' } }, 'price.amount'],
    ['a non-number', { price: { amount: 'ten', currencyCode: 'USD' } }, 'price.amount'],
    ['an unknown currency', { price: { amount: '1.00', currencyCode: 'ABC' } }, 'price.currencyCode'],
    ['a lower-case currency', { price: { amount: '1.00', currencyCode: 'usd' } }, 'price.currencyCode'],
    ['an empty name', { name: '' }, 'name'],
    ['a 201-character name', { name: 'p'.repeat(201) }, 'name'],
    ['a 5001-character description', { description: 'd'.repeat(5001) }, 'description'],
    ['negative stock', { stock: -1 }, 'stock'],
    ['stock above 1,000,000', { stock: 1_000_001 }, 'stock'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, override, field) => {
    const before = (await allPages(null, 100)).length;
    expectError(await createProduct({ name: 'Valid', description: 'Valid.', price: { amount: '1.00', currencyCode: 'USD' }, stock: 1, ...override }), 'BAD_USER_INPUT', field);
    expect(await allPages(null, 100)).toHaveLength(before);
  });

  it('updates partially, deletes, and then answers null', async () => {
    const product = await aProduct('Teapot', 'Glazed.', '48.00');
    const updated = await shop.admin<{ updateProduct: ProductResult }>(`mutation ($id: ID!) { updateProduct(id: $id, input: { price: { amount: "52.5", currencyCode: "USD" }, stock: 7 }) { ${PRODUCT_FIELDS} } }`, { id: product.id });
    expect(updated.data!.updateProduct).toMatchObject({ name: 'Teapot', description: 'Glazed.', price: { amount: '52.50', currencyCode: 'USD' }, stock: 7 });
    expect(Date.parse(updated.data!.updateProduct.updatedAt)).toBeGreaterThanOrEqual(Date.parse(product.updatedAt));
    expectError(await shop.admin('mutation ($id: ID!) { updateProduct(id: $id, input: { stock: -5 }) { id } }', { id: product.id }), 'BAD_USER_INPUT', 'stock');

    expect((await shop.admin('mutation ($id: ID!) { deleteProduct(id: $id) }', { id: product.id })).data).toEqual({ deleteProduct: product.id });
    expect((await shop.admin('query ($id: ID!) { product(id: $id) { id } }', { id: product.id })).data).toEqual({ product: null });
    expectError(await shop.admin('mutation ($id: ID!) { deleteProduct(id: $id) }', { id: product.id }), 'NOT_FOUND');
    expectError(await shop.admin('mutation { deleteProduct(id: "nope") }'), 'BAD_USER_INPUT', 'id');
    expect((await shop.admin('query ($id: ID!) { product(id: $id) { id } }', { id: newId() })).data).toEqual({ product: null });
  });

  it('searches name and description with prefixes, name matches first, ties newest first', async () => {
    await aProduct('Plain mug', 'Goes well with a Zephyrkettle.');
    const older = await aProduct('Zephyrkettle Classic', 'Boils water.');
    const newer = await aProduct('Zephyrkettle Mini', 'Boils less water.');
    const names = await allPages('zephyr', 10);
    expect(names).toEqual([newer.name, older.name, 'Plain mug']);
    expect(await allPages('zephyr mini', 10)).toEqual(['Zephyrkettle Mini']);
    expect(await allPages('%$#!', 10)).toEqual([]);
    expectError(await shop.admin(`{ products(query: "${'q'.repeat(201)}") { edges { cursor } } }`), 'BAD_USER_INPUT', 'query');
  });

  it('never repeats or skips an item when products are added between page requests', async () => {
    for (let i = 0; i < 7; i += 1) await aProduct(`Lantern ${i}`, 'Warm light for long evenings.');
    const before = await allPages(null, 100);
    let added = 0;
    const paged = await allPages(null, 3, async () => {
      added += 1;
      await aProduct(`Late lantern ${added}`, 'Arrived while paging.');
    });
    expect(paged).toEqual(before);

    const searchBefore = await allPages('lantern', 100);
    const searched = await allPages('lantern', 2, async () => {
      await aProduct(`Lantern extra ${newId().slice(-6)}`, 'Arrived while searching.');
    });
    expect(searched).toEqual(searchBefore);
  });

  it('lists newest first without a query, and with a blank one', async () => {
    const first = await aProduct('Newest of all');
    expect((await allPages(null, 100)).at(0)).toBe(first.name);
    expect((await allPages('   ', 100)).at(0)).toBe(first.name);
  });

  it('sets stock only if it is still the stock the admin read (expectedStock), else CONFLICT on stock changing nothing', async () => {
    const product = await aProduct('Counted kettle');
    const update = (input: Record<string, unknown>) =>
      shop.admin<{ updateProduct: { stock: number } }>('mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { stock } }', { id: product.id, input });
    // Someone (an order's reservation, another admin) changes the stock after this admin read 5.
    expect((await update({ stock: 3 })).data).toEqual({ updateProduct: { stock: 3 } });
    expectError(await update({ stock: 15, expectedStock: 5 }), 'CONFLICT', 'stock');
    expect((await update({ stock: 15, expectedStock: 3 })).data).toEqual({ updateProduct: { stock: 15 } });
  });
});
