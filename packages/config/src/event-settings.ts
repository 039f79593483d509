import { z } from 'zod';
import { millis } from './fields.js';

/** The settings of a service that publishes events: what its stream keeps, and when the outbox relay parks a row. */
export const publisherSettings = {
  // What the service's JetStream stream keeps: events older than this, or beyond the size, go (oldest first). The
  // outbox keeps every event for good, so the stream holds only what a consumer may still need. At least 20 minutes
  // (the token revocation feed replays 16).
  STREAM_MAX_AGE_MS: z.coerce.number().int().min(1_200_000).default(7 * 24 * 3_600_000),
  STREAM_MAX_BYTES: z.coerce.number().int().min(1_048_576).default(1024 ** 3),
  // Failed publishes of an outbox row (while NATS answers) before the relay parks it (`pnpm outbox:stuck`).
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
};

/** The settings of a service that consumes events: its consumers' attempts and hold, and its inbox's retention. */
export const consumerSettings = {
  // A consumed event whose handler keeps failing goes to the dead letters after this many attempts, and the waits
  // between them add up to at most CONSUMER_MAX_HOLD_MS: that long at most does it hold its stream.
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  CONSUMER_MAX_HOLD_MS: z.coerce.number().int().min(0).default(30_000),
  // Inbox rows (which drop a redelivered event) are deleted once older than this: at least STREAM_MAX_AGE_MS, since
  // a redelivery comes only while its message is in the stream (plus a day for a late republish by the relay).
  INBOX_RETENTION_MS: millis(8 * 24 * 3_600_000),
  INBOX_PRUNE_INTERVAL_MS: millis(3_600_000),
};

/** An inbox row must outlive every redelivery of its event, which can come as long as the message is in the stream. */
export function inboxOutlivesStream(config: { INBOX_RETENTION_MS: number; STREAM_MAX_AGE_MS: number }, context: z.RefinementCtx): void {
  if (config.INBOX_RETENTION_MS < config.STREAM_MAX_AGE_MS) {
    context.addIssue({ code: 'custom', path: ['INBOX_RETENTION_MS'], message: `must be at least STREAM_MAX_AGE_MS (${config.STREAM_MAX_AGE_MS})` });
  }
}
