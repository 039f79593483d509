export * from './migrate.js';
export * from './pg-errors.js';
export * from './pool.js';
export * from './transaction.js';
export * from './wait-for-database.js';
export * from './connection-errors.js';
export * from './migrate-in-background.js';
export * from './advisory-lock.js';
