import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Client } from '@elastic/elasticsearch';
import { createLogger } from '@shop/logger';
import { createPool, withTransaction, type Pool } from '@shop/postgres';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { MIGRATIONS } from '../src/app.js';
import { catalogEventsWire } from '../src/events/catalog-events-wire.js';
import { searchProjectionHandler } from '../src/events/search-projection.js';
import type { Product } from '../src/domain/product.js';
import type { Actor, ProductRepository } from '../src/domain/product-repository.js';
import { ProductEsSearch } from '../src/repository/elasticsearch/product-es-search.js';
import { ProductIndexAdmin } from '../src/repository/elasticsearch/product-index-admin.js';
import { ProductIndexWriter } from '../src/repository/elasticsearch/product-index-writer.js';
import { createSearchClient } from '../src/repository/elasticsearch/search-client.js';
import { ProductPgRepository } from '../src/repository/product-pg-repository.js';
import { ProductPgSnapshot } from '../src/repository/product-pg-snapshot.js';
import { describeProductSearchContract } from './product-search-contract.js';
import { readHistory } from '@shop/outbox';

// The ProductSearch contract against a real Elasticsearch. No Elasticsearch server can run on the development
// machines, so this suite runs only where ELASTICSEARCH_URL points at one (e.g. `docker compose up elasticsearch`
// and ELASTICSEARCH_URL=http://localhost:9200 pnpm test services/catalog).
const url = process.env.ELASTICSEARCH_URL;

if (!url) {
  describe('ProductSearch contract: Elasticsearch', () => {
    it.skip('is skipped: ELASTICSEARCH_URL is not set (no Elasticsearch server here); set it to run the contract against one', () => {});
  });
} else {
  let database: TestDatabase;
  let pool: Pool;
  let client: Client;
  const alias = `shop_test_products_${Date.now().toString(36)}`;

  beforeAll(async () => {
    database = await createTestDatabase('catalog_es_search', MIGRATIONS);
    pool = createPool(database.url);
    client = createSearchClient(url);
  });

  afterAll(async () => {
    await client.indices.delete({ index: `${alias}-*` }).catch(() => undefined);
    await client.close();
    await pool.end();
    await database.drop();
  });

  /**
   * Products written to Postgres reach the index the way the projection takes them there: each write's outbox
   * events, run through the projection's own handler (which the index writer applies); then a refresh, so the
   * next search sees them.
   */
  class IndexedRepository extends ProductPgRepository implements ProductRepository {
    private readonly handle = searchProjectionHandler(new ProductIndexWriter(client, alias), (id) => new ProductPgSnapshot(pool).current(id));

    override async add(product: Product, actor: Actor): Promise<void> {
      await super.add(product, actor);
      await this.project(product.id);
    }

    override async delete(id: string, actor: Actor): Promise<boolean> {
      const deleted = await super.delete(id, actor);
      await this.project(id);
      return deleted;
    }

    private async project(id: string): Promise<void> {
      for (const envelope of await readHistory(pool, id, 'product')) {
        await withTransaction(pool, (tx) => this.handle(tx, envelope));
      }
      await client.indices.refresh({ index: alias });
    }
  }

  describeProductSearchContract('Elasticsearch', async () => {
    await pool.query('TRUNCATE products, outbox');
    // A fresh index per test: rebuilding from the (empty) table moves the alias and drops the previous index.
    await new ProductIndexAdmin(client, alias, new ProductPgSnapshot(pool), createLogger('es-contract', 'silent')).rebuild('contract test');
    return { products: new IndexedRepository(pool, catalogEventsWire), search: new ProductEsSearch(client, alias) };
  });
}
