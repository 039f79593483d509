import { beforeEach, describe, expect, it } from '@jest/globals';
import { ANONYMOUS } from '@shop/identity';
import { newId } from '@shop/ids';
import { catalogServiceFixture, type CatalogServiceFixture } from '../../test/catalog-service-fixture.js';
import { aProductInput } from '../../test/product-builder.js';
import type { Product } from '../domain/product.js';

// History pages of products: one (ListHistory) or many in one read (ListHistories); for admins only.

describe('CatalogService history pages', () => {
  let f: CatalogServiceFixture;

  beforeEach(() => {
    f = catalogServiceFixture();
  });

  /** A product with `changes` stock changes after its creation: versions 1..changes + 1. */
  const aProductWith = async (changes: number): Promise<Product> => {
    const product = await f.service.create(f.admin, aProductInput());
    for (let n = 1; n <= changes; n += 1) await f.service.update(f.admin, product.id, { stock: n });
    return product;
  };
  const versions = (entries: { version: number }[]) => entries.map((entry) => entry.version);

  it('pages one history and many oldest first after a version', async () => {
    const [a, b] = [await aProductWith(3), await aProductWith(1)];
    expect(versions(await f.service.history(f.admin, a.id, { pageSize: 3, afterVersion: 1 }))).toEqual([2, 3, 4]);
    const pages = await f.service.histories(f.admin, [a.id, newId(), b.id.toUpperCase(), a.id], { pageSize: 1, afterVersion: 1 });
    expect(pages.map(versions)).toEqual([[2], [], [2], [2]]);
  });

  it('refuses a page size or version out of range on its field', async () => {
    const product = await aProductWith(0);
    await expect(f.service.histories(f.admin, [product.id], { pageSize: 101 })).rejects.toMatchObject({ field: 'page_size', code: 'CATALOG.INVALID_PAGE_SIZE' });
    await expect(f.service.history(f.admin, product.id, { afterVersion: -3 })).rejects.toMatchObject({ field: 'after_version', code: 'CATALOG.INVALID_AFTER_VERSION' });
    await expect(f.service.histories(f.admin, ['nope'])).rejects.toMatchObject({ field: 'ids[0]', code: 'CATALOG.INVALID_ID' });
  });

  it('keeps histories to admins, as ListHistory does', async () => {
    const product = await aProductWith(0);
    await expect(f.service.histories(f.customer, [product.id])).rejects.toMatchObject({ kind: 'PERMISSION_DENIED' });
    await expect(f.service.histories(ANONYMOUS, [product.id])).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
  });
});
