export * from './connection.js';
export * from './local-nats.js';
export * from './streams.js';
