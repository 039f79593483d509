import { createLogger } from '@shop/logger';
import { createPool, withAdvisoryLock } from '@shop/postgres';
import { readCatalogConfig } from './config.js';
import { SEARCH_INDEX_LOCK } from './repository/elasticsearch/prepare-search-index.js';
import { ProductIndexAdmin } from './repository/elasticsearch/product-index-admin.js';
import { createSearchClient } from './repository/elasticsearch/search-client.js';
import { ProductPgSnapshot } from './repository/product-pg-snapshot.js';

// `pnpm reindex` (in a container: `node dist/reindex.js`): builds a new search index from Postgres, moves the
// alias to it and drops the old one. Search and the projection keep working throughout.
const config = readCatalogConfig();
if (!config.ELASTICSEARCH_URL) {
  console.error('reindex: ELASTICSEARCH_URL is not set, so the catalog searches with Postgres and there is no index to rebuild');
  process.exit(2);
}
const logger = createLogger('catalog-reindex', config.LOG_LEVEL);
const pool = createPool(config.DATABASE_URL, { applicationName: 'catalog-reindex' });
const client = createSearchClient(config.ELASTICSEARCH_URL);
try {
  const admin = new ProductIndexAdmin(client, config.ELASTICSEARCH_INDEX, new ProductPgSnapshot(pool), logger);
  const report = await withAdvisoryLock(pool, SEARCH_INDEX_LOCK, () => admin.rebuild('requested by the reindex command'));
  process.stdout.write(
    `reindex: ${report.products} products into ${report.index} in ${report.ms} ms, ${report.caughtUp} changes replayed; ` +
      `alias ${config.ELASTICSEARCH_INDEX} moved${report.removedIndices.length ? `, removed ${report.removedIndices.join(', ')}` : ''}\n`,
  );
} catch (error) {
  console.error(`reindex failed: ${(error as Error).message} (Elasticsearch ${new URL(config.ELASTICSEARCH_URL).host}, Postgres ${new URL(config.DATABASE_URL).host})`);
  process.exitCode = 1;
} finally {
  await client.close();
  await pool.end();
}
