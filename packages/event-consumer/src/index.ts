export * from './migrations-dir.js';
export * from './start-consumer.js';
export * from './inbox-pruner.js';
export * from './consumer-settings.js';
export { type EventHandler, type HandleOutcome } from './inbox.js';
export { type RetryDelays, DEFAULT_RETRY_DELAYS, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_HOLD_MS, retryDelayMs, retrySchedule } from './retry-policy.js';
export { listDeadLetters, type DeadLetterView } from './dead-letter-store.js';
export * from './redrive-dead-letters.js';
export * from './redrive-command.js';
