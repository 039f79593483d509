export * from './outbox-migrations.js';
export * from './outbox-writer.js';
export * from './outbox-history.js';
export * from './parked-rows.js';
export * from './outbox-stuck-command.js';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayMetrics } from './relay/outbox-relay.js';
export { DEFAULT_OUTBOX_MAX_ATTEMPTS, relayLimitsOf, type OutboxRelayOptions, type RelaySettingsConfig } from './relay/relay-options.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './relay/retry-delay.js';
export { RELAY_LOCK_NAME } from './relay/relay-session.js';
