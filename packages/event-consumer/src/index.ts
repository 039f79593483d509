export * from './migrations-dir.js';
export * from './start-consumer.js';
export { type EventHandler, type HandleOutcome } from './inbox.js';
export { type RetryDelays, DEFAULT_RETRY_DELAYS, retryDelayMs } from './retry-policy.js';
export { listDeadLetters, type DeadLetterView } from './dead-letter-store.js';
export * from './redrive-dead-letters.js';
export * from './redrive-command.js';
