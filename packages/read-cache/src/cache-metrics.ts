import { cacheLookups } from '@shop/metrics';
import type { VersionedCache } from './versioned-cache.js';

/**
 * Reports a cache's hits and misses as read_cache_lookups_total{cache} at each scrape, until stopped (a service
 * lists it among its background tasks, so it ends with the service).
 */
export function observeCache(name: string, cache: Pick<VersionedCache<unknown>, 'stats'>): { stop(): Promise<void> } {
  const remove = cacheLookups.add(() => {
    const { hits, misses } = cache.stats();
    return [
      { labels: { cache: name, result: 'hit' }, value: hits },
      { labels: { cache: name, result: 'miss' }, value: misses },
    ];
  });
  return { stop: async () => void remove() };
}
