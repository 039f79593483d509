export * from './global-setup.js';
export * from './test-database.js';
export * from './reflection-client.js';
