export * from './embedded.js';
export * from './local-postgres.js';
export * from './reachability.js';
