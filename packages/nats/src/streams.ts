import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

/** How long JetStream remembers message ids to drop duplicates (its default, stated so code and docs agree). */
export const DUPLICATE_WINDOW_NS = 2 * 60 * 1_000_000_000;

/**
 * Creates the stream, or updates its subjects if it exists, so publishers and consumers can both call it at
 * start in any order. File storage: events survive a server restart.
 */
export async function ensureStream(connection: NatsConnection, stream: { name: string; subjects: string[] }): Promise<void> {
  const manager = await jetstreamManager(connection);
  const config = { name: stream.name, subjects: stream.subjects, duplicate_window: DUPLICATE_WINDOW_NS };
  try {
    await manager.streams.info(stream.name);
    await manager.streams.update(stream.name, config);
  } catch (error) {
    if (!/stream not found/i.test((error as Error).message)) throw error;
    await manager.streams.add(config);
  }
}
