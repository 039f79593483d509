export * from './versioned-cache.js';
export * from './invalidation-feed.js';
export * from './read-through.js';
export * from './cached-repository.js';
export * from './cache-metrics.js';
