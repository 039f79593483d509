export * from './versioned-cache.js';
export * from './invalidation-feed.js';
