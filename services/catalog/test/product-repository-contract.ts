import { beforeEach, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import type { Product } from '../src/domain/product.js';
import { ProductNotFoundError } from '../src/domain/product-errors.js';
import type { ProductRepository } from '../src/domain/product-repository.js';
import { aProduct } from './product-builder.js';

/**
 * The behaviour every ProductRepository must have. Run by the Postgres and the in-memory repository tests,
 * so the in-memory one used by service unit tests cannot drift from the real one.
 */
export function describeProductRepositoryContract(name: string, makeRepository: () => Promise<ProductRepository>): void {
  describe(`ProductRepository contract: ${name}`, () => {
    let repository: ProductRepository;

    beforeEach(async () => {
      repository = await makeRepository();
    });

    const ids = (products: Product[]) => products.map((product) => product.id);

    it('adds and gets a product with every field intact, Unicode and multi-line text included', async () => {
      const product = aProduct({ name: 'Crème brûlée torch 🔥', description: 'Ça chauffe.\n\tÜberall — 日本語も。', stock: 0 });
      await repository.add(product, null);
      const loaded = await repository.get(product.id);
      expect(loaded?.toState()).toEqual(product.toState());
    });

    it.each([
      ['the lowest USD price', { amountMinor: 1n, currencyCode: 'USD' }],
      ['the highest USD price', { amountMinor: 100_000_000n, currencyCode: 'USD' }],
      ['a zero-digit currency', { amountMinor: 1_000_000n, currencyCode: 'JPY' }],
      ['the highest three-digit-currency price', { amountMinor: 1_000_000_000n, currencyCode: 'KWD' }],
    ])('keeps %s exactly, as a bigint', async (_case, price) => {
      const product = aProduct({ price, stock: 1_000_000 });
      await repository.add(product, null);
      expect((await repository.get(product.id))?.price).toEqual(price);
    });

    it('answers undefined for an unknown id', async () => {
      expect(await repository.get(newId())).toBeUndefined();
    });

    it('gets many in the order asked for, leaving out unknown ids', async () => {
      const [a, b, c] = [aProduct(), aProduct(), aProduct()];
      for (const product of [a, b, c]) await repository.add(product, null);
      expect(ids(await repository.getMany([c.id, newId(), a.id, b.id]))).toEqual([c.id, a.id, b.id]);
      expect(await repository.getMany([])).toEqual([]);
    });

    it('lists newest first and continues after a cursor without repeats or gaps', async () => {
      const base = Date.now();
      const products = Array.from({ length: 5 }, (_, i) => aProduct({ createdAt: new Date(base + (i % 3) * 1000) }));
      for (const product of products) await repository.add(product, null);
      const all = await repository.list(10);
      expect(all).toHaveLength(5);
      const expected = [...products].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : -1));
      expect(ids(all)).toEqual(ids(expected));

      const first = await repository.list(2);
      const last = first[1]!;
      const rest = await repository.list(10, { createdAt: last.createdAt, id: last.id });
      expect([...ids(first), ...ids(rest)]).toEqual(ids(expected));
    });

    it('updates through a function and keeps the change', async () => {
      const product = aProduct();
      await repository.add(product, null);
      const later = new Date(product.createdAt.getTime() + 5_000);
      const price = { amountMinor: 4_200n, currencyCode: 'EUR' };
      const updated = await repository.update(product.id, (current) => current.update({ name: 'Renamed', price, stock: 7 }, later), null);
      expect(updated.name).toBe('Renamed');
      expect((await repository.get(product.id))?.toState()).toEqual({ ...product.toState(), name: 'Renamed', price, stock: 7, updatedAt: later });
    });

    it('changes nothing when the change function throws', async () => {
      const product = aProduct();
      await repository.add(product, null);
      await expect(repository.update(product.id, (current) => current.update({ stock: -1 }, new Date()), null)).rejects.toMatchObject({ field: 'stock' });
      expect((await repository.get(product.id))?.toState()).toEqual(product.toState());
    });

    it('throws ProductNotFoundError when updating an unknown product', async () => {
      await expect(repository.update(newId(), (current) => current, null)).rejects.toBeInstanceOf(ProductNotFoundError);
    });

    it('records every change in the history with versions and changed fields, and keeps it after deletion', async () => {
      const product = aProduct({ name: 'Before' });
      const [admin, otherAdmin] = [newId(), newId()];
      await repository.add(product, admin);
      await repository.update(product.id, (current) => current.update({ stock: 9 }, new Date()), null);
      await repository.update(product.id, (current) => current.update({ stock: 9 }, new Date()), null);
      await repository.update(product.id, (current) => current.update({ name: 'After', price: { amountMinor: 1n, currencyCode: 'JPY' } }, new Date()), otherAdmin);
      await repository.delete(product.id, admin);
      const history = await repository.history(product.id);
      expect(history.map((entry) => [entry.eventType, entry.version, entry.changedFields, entry.actor])).toEqual([
        ['shop.catalog.v1.ProductCreated', 1, ['name', 'description', 'price', 'stock'], admin],
        ['shop.catalog.v1.ProductUpdated', 2, ['stock'], null],
        ['shop.catalog.v1.ProductUpdated', 3, ['name', 'price'], otherAdmin],
        ['shop.catalog.v1.ProductDeleted', 4, [], admin],
      ]);
      expect(history[0]!.occurredAt).toEqual(product.createdAt);
      expect(await repository.history(newId())).toEqual([]);

      expect(await repository.history(product.id, { afterVersion: 2, limit: 1 })).toEqual([history[2]]);
      const other = aProduct();
      await repository.add(other, null);
      const pages = await repository.histories([other.id, product.id, newId()], { afterVersion: 3, limit: 10 });
      expect(pages).toEqual([[], [history[3]], []]);
    });

    it('deletes once, for good', async () => {
      const product = aProduct();
      await repository.add(product, null);
      expect(await repository.delete(product.id, null)).toBe(true);
      expect(await repository.get(product.id)).toBeUndefined();
      expect(await repository.getMany([product.id])).toEqual([]);
      expect(ids(await repository.list(10))).not.toContain(product.id);
      expect(await repository.delete(product.id, null)).toBe(false);
    });
  });
}
