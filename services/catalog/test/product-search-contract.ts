import { beforeEach, describe, expect, it } from '@jest/globals';
import type { Product } from '../src/domain/product.js';
import type { ProductRepository } from '../src/domain/product-repository.js';
import type { ProductSearch, SearchCursor, SearchHit } from '../src/domain/product-search.js';
import { aProduct, secondsApart } from './product-builder.js';

/** A search and the repository whose products it searches. */
export interface SearchFixture {
  products: ProductRepository;
  search: ProductSearch;
}

/**
 * The behaviour every ProductSearch must have. Run against Postgres full-text search and the in-memory search,
 * so service unit tests and the real service agree on matching, ranking and paging.
 */
export function describeProductSearchContract(name: string, makeFixture: () => Promise<SearchFixture>): void {
  describe(`ProductSearch contract: ${name}`, () => {
    let products: ProductRepository;
    let search: ProductSearch;

    beforeEach(async () => {
      ({ products, search } = await makeFixture());
    });

    const add = async (...items: Product[]) => {
      for (const item of items) await products.add(item, null);
    };
    const ids = (hits: SearchHit[]) => hits.map((hit) => hit.product.id);
    const cursorAfter = (hit: SearchHit): SearchCursor => ({ score: hit.score, createdAt: hit.product.createdAt, id: hit.product.id });
    const newestFirst = (items: Product[]) => [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));

    it('finds products by a word of their name or description, whatever its case', async () => {
      const [old, recent] = secondsApart(2);
      const kettle = aProduct({ name: 'Steel KETTLE', createdAt: old });
      const lamp = aProduct({ name: 'Desk lamp', description: 'Bright enough to boil a kettle by.', createdAt: recent });
      await add(kettle, lamp, aProduct({ name: 'Teapot' }));
      expect(ids(await search.search('Kettle', 10))).toEqual([kettle.id, lamp.id]);
    });

    it('matches every word as a prefix: "zephyr" finds "Zephyrkettle", "kett" finds "kettle"', async () => {
      const zephyr = aProduct({ name: 'The Zephyrkettle' });
      const kettle = aProduct({ name: 'Steel kettle' });
      await add(zephyr, kettle);
      expect(ids(await search.search('zephyr', 10))).toEqual([zephyr.id]);
      expect(ids(await search.search('kett', 10))).toEqual([kettle.id]);
    });

    it('requires every word of the query, in any order', async () => {
      const lamp = aProduct({ name: 'Zephyr lamp' });
      await add(lamp, aProduct({ name: 'Zephyr kettle' }), aProduct({ name: 'Desk lamp' }));
      expect(ids(await search.search('zephyr lamp', 10))).toEqual([lamp.id]);
      expect(ids(await search.search('lam zeph', 10))).toEqual([lamp.id]);
    });

    it('ranks name matches above description matches, even older ones', async () => {
      const [old, recent] = secondsApart(2);
      const inName = aProduct({ name: 'Zephyr lamp', description: 'Brass.', createdAt: old });
      const inDescription = aProduct({ name: 'Desk lamp', description: 'Inspired by the zephyr.', createdAt: recent });
      await add(inDescription, inName);
      const hits = await search.search('zephyr', 10);
      expect(ids(hits)).toEqual([inName.id, inDescription.id]);
      expect(Number(hits[0]!.score)).toBeGreaterThan(Number(hits[1]!.score));
    });

    it('orders equal matches newest first, then by id', async () => {
      const [t0, t1, t2] = secondsApart(3);
      const twins = [t0, t1, t1, t2].map((createdAt) => aProduct({ name: 'Zephyr lamp', createdAt }));
      await add(...twins);
      expect(ids(await search.search('zephyr', 10))).toEqual(newestFirst(twins).map((product) => product.id));
    });

    it('pages by cursor without repeats or skips while products are added between pages', async () => {
      const base = Date.now();
      const originals = Array.from({ length: 8 }, (_, i) =>
        aProduct(i % 2 ? { name: `Zephyr lamp ${i}`, createdAt: new Date(base + i * 1_000) } : { description: `A zephyr breeze ${i}`, createdAt: new Date(base + i * 1_000) }),
      );
      await add(...originals);
      const expected = ids(await search.search('zephyr', 100));
      expect(expected).toHaveLength(8);

      const seen: string[] = [];
      let page = await search.search('zephyr', 3);
      for (let round = 1; page.length > 0; round += 1) {
        seen.push(...ids(page));
        if (round <= 2) {
          // A better match than anything seen (newest, in the name) and a weaker one (oldest, in the description).
          await add(aProduct({ name: `Zephyr newcomer ${round}`, createdAt: new Date(base + 60_000 + round) }));
          await add(aProduct({ description: `zephyr latecomer ${round}`, createdAt: new Date(base - 60_000 - round) }));
        }
        page = await search.search('zephyr', 3, cursorAfter(page.at(-1)!));
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => expected.includes(id))).toEqual(expected);
      expect(seen).toHaveLength(expected.length + 2); // the latecomers sort after the cursor and show up; the newcomers sort before it and do not
    });

    it('finds nothing for a query without searchable words, or with words nothing contains', async () => {
      await add(aProduct({ name: 'Steel kettle' }));
      expect(await search.search('?!… -- *** :*', 10)).toEqual([]);
      expect(await search.search('teapot', 10)).toEqual([]);
    });

    it('treats SQL and tsquery syntax in the query as separators between plain words', async () => {
      const kettle = aProduct({ name: 'Steel kettle' });
      await add(kettle);
      expect(ids(await search.search('kett:* | !lamp', 10))).toEqual([]);
      expect(ids(await search.search("kett'); DROP TABLE products; --", 10))).toEqual([]);
      expect(ids(await search.search('(kett:* & !steel) |', 10))).toEqual([kettle.id]);
    });

    it('finds Unicode words, accents and emoji around them included', async () => {
      const torch = aProduct({ name: '🔥 Crème brûlée torch', description: 'Für die Küche.' });
      await add(torch, aProduct({ name: 'Creme jar' }));
      expect(ids(await search.search('brûl', 10))).toEqual([torch.id]);
      expect(ids(await search.search('crème 🔥', 10))).toEqual([torch.id]);
      expect(ids(await search.search('küche', 10))).toEqual([torch.id]);
    });

    it('leaves out deleted products and keeps to the limit', async () => {
      const lamps = Array.from({ length: 4 }, () => aProduct({ name: 'Zephyr lamp' }));
      await add(...lamps);
      await products.delete(lamps[0]!.id, null);
      expect(ids(await search.search('zephyr', 10))).not.toContain(lamps[0]!.id);
      expect(await search.search('zephyr', 2)).toHaveLength(2);
    });
  });
}
