import { DiscardPolicy, jetstreamManager, type StreamConfig } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

/** How long JetStream remembers message ids to drop duplicates (its default, stated so code and docs agree). */
export const DUPLICATE_WINDOW_NS = 2 * 60 * 1_000_000_000;

/** How much of a service's events its stream keeps: what is older or beyond the size goes, oldest first. */
export interface StreamLimits {
  /** Messages older than this are removed (STREAM_MAX_AGE_MS). */
  maxAgeMs: number;
  /** Once the stream holds this many bytes, its oldest messages make room for new ones (STREAM_MAX_BYTES). */
  maxBytes: number;
}

/**
 * Seven days and 1 GiB. The outbox is the history (kept in Postgres for good), so a stream only has to hold what a
 * consumer may still need to read: a consumer down over a long weekend catches up from the stream, and the token
 * revocation feed replays its last 16 minutes. At the few kilobytes one order's saga writes (see `pnpm
 * bench:saga-bytes`), 1 GiB is hundreds of thousands of orders: the size is a guard for the disk, the age the
 * limit that normally applies.
 */
export const DEFAULT_STREAM_LIMITS: StreamLimits = { maxAgeMs: 7 * 24 * 3_600_000, maxBytes: 1024 ** 3 };

/** The stream settings ensureStream manages, the limits left out when none are given. */
function wantedConfig(stream: { name: string; subjects: string[] }, limits: StreamLimits | undefined): Partial<StreamConfig> & { name: string } {
  const config = { name: stream.name, subjects: stream.subjects, duplicate_window: DUPLICATE_WINDOW_NS };
  if (!limits) return config;
  const maxAgeNs = limits.maxAgeMs * 1_000_000;
  // Old messages make room (the default discard policy): a full stream never refuses the relay's publishes.
  return { ...config, max_age: maxAgeNs, max_bytes: limits.maxBytes, discard: DiscardPolicy.Old, duplicate_window: Math.min(DUPLICATE_WINDOW_NS, maxAgeNs) };
}

function differs(current: StreamConfig, wanted: Partial<StreamConfig>): boolean {
  return Object.entries(wanted).some(([key, value]) => JSON.stringify(current[key as keyof StreamConfig]) !== JSON.stringify(value));
}

/**
 * Creates the stream, or brings an existing one up to date, so publishers and consumers can both call it at start
 * in any order. File storage: events survive a server restart. `limits` are applied by the stream's owner (its
 * service's outbox relay); a reader of the stream passes none and leaves the owner's limits as they are (a stream
 * a reader creates first gets the defaults until its owner starts).
 */
export async function ensureStream(connection: NatsConnection, stream: { name: string; subjects: string[] }, limits?: StreamLimits): Promise<void> {
  const manager = await jetstreamManager(connection);
  const wanted = wantedConfig(stream, limits);
  let current: StreamConfig;
  try {
    current = (await manager.streams.info(stream.name)).config;
  } catch (error) {
    if (!/stream not found/i.test((error as Error).message)) throw error;
    await manager.streams.add(limits ? wanted : wantedConfig(stream, DEFAULT_STREAM_LIMITS));
    return;
  }
  if (differs(current, wanted)) await manager.streams.update(stream.name, wanted);
}

/** How many messages and bytes a stream holds now; undefined when there is no such stream. */
export async function streamUsage(connection: NatsConnection, name: string): Promise<{ messages: number; bytes: number } | undefined> {
  const info = await (await jetstreamManager(connection)).streams.info(name).catch(() => undefined);
  return info && { messages: info.state.messages, bytes: info.state.bytes };
}
