import { setTimeout as sleep } from 'node:timers/promises';
import { retryDelayMs } from '@shop/event-consumer';
import type { Logger } from '@shop/logger';
import { withAdvisoryLock, type Pool } from '@shop/postgres';
import type { ProductIndexAdmin } from './product-index-admin.js';

/** Between attempts while Elasticsearch is unreachable: 1 s, doubling, at most 30 s. */
const RETRY_DELAYS = { initialMs: 1_000, maxMs: 30_000 };

/** The advisory lock that lets one catalog instance at a time create, migrate or rebuild the search index. */
export const SEARCH_INDEX_LOCK = 'catalog-search-index';

/** A background preparation of the search index. */
export interface SearchIndexPreparation {
  /** Resolves when the index is ready (or the preparation was stopped first). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Ensures the search index in the background, retrying every few seconds (up to 30 s apart) while Elasticsearch
 * is unreachable: the catalog starts and serves meanwhile, searching with Postgres. One instance at a time.
 */
export function prepareSearchIndex(admin: ProductIndexAdmin, pool: Pool, logger: Logger): SearchIndexPreparation {
  const controller = new AbortController();
  const ready = (async () => {
    for (let attempt = 1; !controller.signal.aborted; attempt += 1) {
      try {
        const outcome = await withAdvisoryLock(pool, SEARCH_INDEX_LOCK, () => admin.ensure());
        logger.info({ outcome }, 'search index ready');
        return;
      } catch (error) {
        const delayMs = retryDelayMs(attempt, RETRY_DELAYS);
        logger.warn({ err: error, delayMs }, 'cannot prepare the search index (Elasticsearch down?); searching with Postgres meanwhile');
        await sleep(delayMs, undefined, { signal: controller.signal }).catch(() => undefined);
      }
    }
  })();
  return {
    ready,
    stop: async () => {
      controller.abort();
      await ready;
    },
  };
}
