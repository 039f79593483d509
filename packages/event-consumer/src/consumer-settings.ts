import type { Logger } from '@shop/logger';
import type { Pool } from '@shop/postgres';
import { DEFAULT_INBOX_PRUNE_INTERVAL_MS, DEFAULT_INBOX_RETENTION_MS, startInboxPruner, type InboxPruner } from './inbox-pruner.js';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_HOLD_MS } from './retry-policy.js';
import type { ConsumerLimits } from './start-consumer.js';

/** The consumer settings a service's config may hold, by their variable names. */
export interface ConsumerSettingsConfig {
  CONSUMER_MAX_ATTEMPTS?: number | undefined;
  CONSUMER_MAX_HOLD_MS?: number | undefined;
  INBOX_RETENTION_MS?: number | undefined;
  INBOX_PRUNE_INTERVAL_MS?: number | undefined;
}

/** A service's settings as the limits of each of its consumers (what is not set keeps the default). */
export function consumerLimitsOf(config: ConsumerSettingsConfig): ConsumerLimits {
  return { maxAttempts: config.CONSUMER_MAX_ATTEMPTS ?? DEFAULT_MAX_ATTEMPTS, maxHoldMs: config.CONSUMER_MAX_HOLD_MS ?? DEFAULT_MAX_HOLD_MS };
}

/** Starts the inbox pruner of a consuming service with its settings: the one background task per database. */
export function startInboxPrunerOf(config: ConsumerSettingsConfig, pool: Pool, logger: Logger): InboxPruner {
  return startInboxPruner({
    pool,
    retentionMs: config.INBOX_RETENTION_MS ?? DEFAULT_INBOX_RETENTION_MS,
    intervalMs: config.INBOX_PRUNE_INTERVAL_MS ?? DEFAULT_INBOX_PRUNE_INTERVAL_MS,
    logger,
  });
}
