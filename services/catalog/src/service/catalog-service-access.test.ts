import { beforeEach, describe, expect, it } from '@jest/globals';
import { DomainError } from '@shop/errors';
import { accessMatrix, type MatrixCaller, type MatrixOutcome } from '@shop/hooks';
import { ANONYMOUS, type Caller } from '@shop/identity';
import { aCaller, catalogServiceFixture, type CatalogServiceFixture } from '../../test/catalog-service-fixture.js';
import { aProductInput } from '../../test/product-builder.js';
import type { Product } from '../domain/product.js';
import { CATALOG_ACCESS } from './catalog-access.js';
import type { CatalogOperation } from './catalog-operations.js';

// Who may do what with the catalog, at the use-case level: the access table's promises (the matrix), that a
// refused call writes nothing, and who history names. The same rules through gRPC are in test/catalog-grpc.int.test.ts.

/** One use case run by `caller` on an existing product: true when it saw or changed it. */
type Probe = (f: CatalogServiceFixture, caller: Caller, product: Product) => Promise<boolean>;

const probes: Record<CatalogOperation, Probe> = {
  createProduct: async (f, caller) => Boolean(await f.service.create(caller, aProductInput())),
  getProduct: async (f, caller, product) => (await f.service.get(caller, product.id)).id === product.id,
  getProducts: async (f, caller, product) => (await f.service.getMany(caller, [product.id])).length === 1,
  listProducts: async (f, caller, product) => (await f.service.list(caller, 10, '')).items.some((item) => item.id === product.id),
  searchProducts: async (f, caller, product) => (await f.service.search(caller, 'zephyrkettle', 10, '')).items.some((item) => item.id === product.id),
  updateProduct: async (f, caller, product) => (await f.service.update(caller, product.id, { stock: 1 })).stock === 1,
  deleteProduct: async (f, caller, product) => (await f.service.delete(caller, product.id), true),
  listHistory: async (f, caller, product) => (await f.service.history(caller, product.id)).length > 0,
  listHistories: async (f, caller, product) => (await f.service.histories(caller, [product.id]))[0]!.length > 0,
};

/** What a probe came to, in the matrix's words. */
async function outcomeOf(run: () => Promise<boolean>): Promise<MatrixOutcome> {
  try {
    return (await run()) ? 'allowed' : 'hidden';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind === 'UNAUTHENTICATED') return 'UNAUTHENTICATED';
    if (error.kind === 'PERMISSION_DENIED') return 'FORBIDDEN';
    throw error;
  }
}

describe('CatalogService access', () => {
  let f: CatalogServiceFixture;
  let product: Product;

  beforeEach(async () => {
    f = catalogServiceFixture();
    product = await f.service.create(f.admin, aProductInput({ name: 'Zephyrkettle' }));
  });

  const callerOf = (who: MatrixCaller): Caller => ({ anonymous: ANONYMOUS, customer: f.customer, 'other customer': aCaller('CUSTOMER'), admin: f.admin })[who];
  /** Everything the repository holds: every product and the history of the one the tests share. */
  const stored = async () => ({ products: f.products.all().map((item) => item.toState()), history: await f.products.history(product.id) });

  it.each(accessMatrix(CATALOG_ACCESS))('$operation by $caller: $expected', async ({ operation, caller, expected }) => {
    const before = await stored();
    const outcome = await outcomeOf(() => probes[operation](f, callerOf(caller), product));
    expect(outcome).toBe(expected);
    if (outcome !== 'allowed') expect(await stored()).toEqual(before);
  });

  it('refuses an anonymous create as UNAUTHENTICATED, asking for a token, and stores nothing', async () => {
    await expect(f.service.create(ANONYMOUS, aProductInput({ name: 'Sneaky lamp' }))).rejects.toMatchObject({
      kind: 'UNAUTHENTICATED',
      code: 'AUTH.UNAUTHENTICATED',
      message: expect.stringContaining('Authorization: Bearer'),
    });
    expect(f.products.all().map((item) => item.id)).toEqual([product.id]);
  });

  it('refuses a customer’s create, update, delete and history as PERMISSION_DENIED, and changes nothing', async () => {
    const forbidden = { kind: 'PERMISSION_DENIED', code: 'AUTH.FORBIDDEN' };
    await expect(f.service.create(f.customer, aProductInput())).rejects.toMatchObject(forbidden);
    await expect(f.service.update(f.customer, product.id, { name: 'Mine now', stock: 0 })).rejects.toMatchObject(forbidden);
    await expect(f.service.delete(f.customer, product.id)).rejects.toMatchObject(forbidden);
    await expect(f.service.history(f.customer, product.id)).rejects.toMatchObject(forbidden);
    expect(f.products.all().map((item) => item.toState())).toEqual([product.toState()]);
    expect((await f.service.history(f.admin, product.id)).map((entry) => entry.eventType)).toEqual(['shop.catalog.v1.ProductCreated']);
  });

  it('checks access before the input: a customer’s malformed id is FORBIDDEN, not INVALID_ARGUMENT', async () => {
    await expect(f.service.update(f.customer, 'not-an-id', { stock: 1 })).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(f.service.delete(ANONYMOUS, 'not-an-id')).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('lets anyone read: an anonymous caller gets, batch-gets, lists and searches', async () => {
    expect((await f.service.get(ANONYMOUS, product.id)).toState()).toEqual(product.toState());
    expect(await f.service.getMany(ANONYMOUS, [product.id])).toEqual([product]);
    expect((await f.service.list(ANONYMOUS, 10, '')).items).toEqual([product]);
    expect((await f.service.search(ANONYMOUS, 'zephyrkettle', 10, '')).items).toEqual([product]);
    expect((await f.service.get(f.customer, product.id)).id).toBe(product.id);
  });

  it('names the admin who made each change as its actor in history', async () => {
    const otherAdmin = aCaller('ADMIN');
    await f.service.update(f.admin, product.id, { stock: 3 });
    await f.service.update(otherAdmin, product.id, { name: 'Zephyrkettle II' });
    await f.service.delete(otherAdmin, product.id);
    expect((await f.service.history(f.admin, product.id)).map((entry) => [entry.eventType, entry.actor])).toEqual([
      ['shop.catalog.v1.ProductCreated', f.admin.accountId],
      ['shop.catalog.v1.ProductUpdated', f.admin.accountId],
      ['shop.catalog.v1.ProductUpdated', otherAdmin.accountId],
      ['shop.catalog.v1.ProductDeleted', otherAdmin.accountId],
    ]);
  });
});
