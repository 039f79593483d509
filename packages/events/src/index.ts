export * from './envelope.js';
export * from './event-registry.js';
export * from './new-event.js';
export * from './history.js';
export * from './memory-outbox.js';
export * from './partitions.js';
export * from './trace-context.js';
