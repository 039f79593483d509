import { beforeEach, describe, expect, it } from '@jest/globals';
import { ANONYMOUS, type AccountCaller } from '@shop/identity';
import { newId } from '@shop/ids';
import { encodeTimeIdCursor } from '@shop/pagination';
import { catalogServiceFixture } from '../../test/catalog-service-fixture.js';
import { aProductInput } from '../../test/product-builder.js';
import type { CatalogService } from './catalog-service.js';

// The use cases' behaviour, changes made by an admin and reads made anonymously (the catalog is public).
// Who may call what, the actor in history and the hooks: catalog-service-access.test.ts and catalog-service-hooks.test.ts.

describe('CatalogService', () => {
  let service: CatalogService;
  let admin: AccountCaller;

  beforeEach(() => {
    ({ service, admin } = catalogServiceFixture());
  });

  const create = (n: number, overrides: Parameters<typeof aProductInput>[0] = {}) => service.create(admin, aProductInput({ name: `Product ${n}`, ...overrides }));
  const names = (products: { name: string }[]) => products.map((product) => product.name);

  it('creates and gets a product', async () => {
    const created = await create(1);
    expect((await service.get(ANONYMOUS, created.id)).toState()).toEqual(created.toState());
  });

  it('gets by an upper-case id too', async () => {
    const created = await create(1);
    expect((await service.get(ANONYMOUS, created.id.toUpperCase())).id).toBe(created.id);
  });

  it('refuses invalid input before storing anything', async () => {
    await expect(create(1, { stock: -1 })).rejects.toMatchObject({ field: 'stock', code: 'CATALOG.INVALID_STOCK' });
    expect((await service.list(ANONYMOUS, 0, '')).items).toEqual([]);
  });

  it('refuses malformed ids before touching storage', async () => {
    await expect(service.get(ANONYMOUS, '42')).rejects.toMatchObject({ code: 'CATALOG.INVALID_ID', field: 'id' });
    await expect(service.getMany(ANONYMOUS, [newId(), newId(), newId(), 'nope'])).rejects.toMatchObject({ code: 'CATALOG.INVALID_ID', field: 'ids[3]' });
    await expect(service.update(admin, 'x', { name: 'X' })).rejects.toMatchObject({ field: 'id' });
    await expect(service.delete(admin, '')).rejects.toMatchObject({ field: 'id' });
  });

  it('answers NOT_FOUND for a well-formed unknown id', async () => {
    await expect(service.get(ANONYMOUS, newId())).rejects.toMatchObject({ code: 'CATALOG.PRODUCT_NOT_FOUND', kind: 'NOT_FOUND' });
    await expect(service.update(admin, newId(), { name: 'X' })).rejects.toMatchObject({ code: 'CATALOG.PRODUCT_NOT_FOUND' });
    await expect(service.delete(admin, newId())).rejects.toMatchObject({ code: 'CATALOG.PRODUCT_NOT_FOUND' });
  });

  it('gets many in order, once per occurrence, leaving out unknown and deleted ids', async () => {
    const [a, b, c] = [await create(1), await create(2), await create(3)];
    await service.delete(admin, c.id);
    const found = await service.getMany(ANONYMOUS, [b.id, newId(), a.id, c.id, b.id]);
    expect(found.map((product) => product.id)).toEqual([b.id, a.id, b.id]);
  });

  it('refuses more than 1000 ids in one batch', async () => {
    await expect(service.getMany(ANONYMOUS, Array.from({ length: 1001 }, () => newId()))).rejects.toMatchObject({ field: 'ids' });
  });

  it('pages newest first with opaque tokens until the last page', async () => {
    for (let n = 1; n <= 5; n += 1) await create(n);
    const first = await service.list(ANONYMOUS, 2, '');
    const second = await service.list(ANONYMOUS, 2, first.nextPageToken!);
    const third = await service.list(ANONYMOUS, 2, second.nextPageToken!);
    expect(names([...first.items, ...second.items, ...third.items])).toEqual(['Product 5', 'Product 4', 'Product 3', 'Product 2', 'Product 1']);
    expect(third.nextPageToken).toBeUndefined();
  });

  it('uses 20 as the default page size and refuses sizes outside 1..100', async () => {
    for (let n = 1; n <= 21; n += 1) await create(n);
    expect((await service.list(ANONYMOUS, 0, '')).items).toHaveLength(20);
    expect((await service.search(ANONYMOUS, 'product', 0, '')).items).toHaveLength(20);
    await expect(service.list(ANONYMOUS, 101, '')).rejects.toMatchObject({ field: 'page_size', code: 'CATALOG.INVALID_PAGE_SIZE' });
    await expect(service.list(ANONYMOUS, -1, '')).rejects.toMatchObject({ field: 'page_size' });
    await expect(service.search(ANONYMOUS, 'product', 101, '')).rejects.toMatchObject({ field: 'page_size', code: 'CATALOG.INVALID_PAGE_SIZE' });
  });

  it.each(['garbage', Buffer.from('["x"]').toString('base64url'), Buffer.from('["not a date","0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f"]').toString('base64url')])(
    'refuses the list page token %p',
    async (token) => {
      await expect(service.list(ANONYMOUS, 10, token)).rejects.toMatchObject({ field: 'page_token', code: 'CATALOG.INVALID_PAGE_TOKEN' });
    },
  );

  it('updates only the given fields and moves updatedAt', async () => {
    const created = await create(1);
    const updated = await service.update(admin, created.id, { stock: 0, price: { amountMinor: 250n, currencyCode: 'EUR' } });
    expect(updated.toState()).toEqual({ ...created.toState(), stock: 0, price: { amountMinor: 250n, currencyCode: 'EUR' }, updatedAt: updated.updatedAt });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
  });

  it('refuses an invalid change and keeps the product as it was', async () => {
    const created = await create(1);
    await expect(service.update(admin, created.id, { name: 'Fine', price: { amountMinor: 1n, currencyCode: 'ABC' } })).rejects.toMatchObject({ field: 'price.currencyCode', code: 'CATALOG.INVALID_CURRENCY' });
    expect((await service.get(ANONYMOUS, created.id)).toState()).toEqual(created.toState());
  });

  it('deletes for good: get, update and delete answer NOT_FOUND afterwards', async () => {
    const created = await create(1);
    await service.delete(admin, created.id);
    await expect(service.get(ANONYMOUS, created.id)).rejects.toMatchObject({ code: 'CATALOG.PRODUCT_NOT_FOUND', kind: 'NOT_FOUND' });
    await expect(service.update(admin, created.id, { stock: 1 })).rejects.toMatchObject({ code: 'CATALOG.PRODUCT_NOT_FOUND' });
    await expect(service.delete(admin, created.id)).rejects.toMatchObject({ code: 'CATALOG.PRODUCT_NOT_FOUND' });
  });

  describe('search', () => {
    it('pages best match first, then newest first, with opaque tokens', async () => {
      await create(1, { name: 'Zephyr lamp' });
      await create(2, { name: 'Desk lamp', description: 'Zephyr style.' });
      await create(3, { name: 'Zephyr kettle' });
      await create(4, { name: 'Teapot' });
      const first = await service.search(ANONYMOUS, 'zephyr', 2, '');
      const second = await service.search(ANONYMOUS, 'zephyr', 2, first.nextPageToken!);
      expect(names([...first.items, ...second.items])).toEqual(['Zephyr kettle', 'Zephyr lamp', 'Desk lamp']);
      expect(second.nextPageToken).toBeUndefined();
    });

    it('answers an empty page for a query without searchable words', async () => {
      await create(1);
      expect(await service.search(ANONYMOUS, ' ?!… ', 10, '')).toEqual({ items: [], nextPageToken: undefined });
    });

    it.each([
      ['an empty query', '', /^query must not be empty$/],
      ['a blank query', '   ', /^query must not be empty$/],
      ['a 201-character query', 'k'.repeat(201), /^query must be at most 200 characters, got 201$/],
      ['a query with a line break', 'kettle\nlamp', /control characters/],
    ])('refuses %s as INVALID_QUERY on query', async (_case, query, message) => {
      await expect(service.search(ANONYMOUS, query, 10, '')).rejects.toMatchObject({ field: 'query', code: 'CATALOG.INVALID_QUERY', kind: 'INVALID_ARGUMENT', message: expect.stringMatching(message) });
    });

    it('accepts a query of 200 characters after trimming', async () => {
      expect((await service.search(ANONYMOUS, ` ${'k'.repeat(200)} `, 10, '')).items).toEqual([]);
    });

    it('refuses a list token as a search token', async () => {
      const token = encodeTimeIdCursor({ createdAt: new Date(), id: newId() });
      await expect(service.search(ANONYMOUS, 'kettle', 10, token)).rejects.toMatchObject({ field: 'page_token', code: 'CATALOG.INVALID_PAGE_TOKEN' });
    });
  });
});
