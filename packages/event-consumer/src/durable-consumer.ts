import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type Consumer, type ConsumerConfig } from '@nats-io/jetstream';
import type { NatsConnection } from '@shop/nats';

/** The settings of a durable consumer that the shop's consumers depend on. */
export interface DurableSettings {
  stream: string;
  durable: string;
  filterSubjects: readonly string[];
  ackWaitMs: number;
  /** Messages unacknowledged at once: 1 (see durableConfig), or a batch lane's batch size. */
  maxAckPending: number;
}

/**
 * The consumer's configuration. Explicit acks, from the first event of the stream, redelivered without limit
 * (we count the attempts and dead-letter ourselves). Normally at most ONE message is unacknowledged: a message
 * waiting for its retry holds back those behind it, so events reach the handler in stream order, and so in
 * aggregate order, however many instances pull from the consumer. A batch lane allows its batch size, and keeps
 * the order by having a single owner (LaneLock) that retries in place.
 */
export function durableConfig(settings: DurableSettings, multipleFilters: boolean): Partial<ConsumerConfig> {
  const [first, ...rest] = settings.filterSubjects;
  return {
    durable_name: settings.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: settings.ackWaitMs * 1_000_000,
    max_deliver: -1,
    max_ack_pending: settings.maxAckPending,
    // nats-server before 2.10 takes a single filter: with several, it sends everything and the consumer skips the rest.
    ...(rest.length === 0 ? { filter_subject: first } : multipleFilters ? { filter_subjects: [...settings.filterSubjects] } : {}),
  };
}

/** Creates the durable pull consumer, or brings an existing one's settings up to date, and returns it to consume from. */
export async function ensureDurableConsumer(connection: NatsConnection, settings: DurableSettings): Promise<Consumer> {
  const manager = await jetstreamManager(connection);
  const wanted = durableConfig(settings, serverAtLeast(connection, 2, 10));
  const existing = await manager.consumers.info(settings.stream, settings.durable).catch((error: Error) => {
    if (/consumer not found/i.test(error.message)) return undefined;
    throw error;
  });
  if (!existing) {
    await manager.consumers.add(settings.stream, wanted);
  } else if (differs(existing.config, wanted)) {
    await manager.consumers.update(settings.stream, settings.durable, {
      ack_wait: wanted.ack_wait,
      max_ack_pending: wanted.max_ack_pending,
      max_deliver: wanted.max_deliver,
      filter_subject: wanted.filter_subject ?? '',
      ...(wanted.filter_subjects ? { filter_subjects: wanted.filter_subjects } : {}),
    });
  }
  return jetstream(connection).consumers.get(settings.stream, settings.durable);
}

function differs(current: ConsumerConfig, wanted: Partial<ConsumerConfig>): boolean {
  return (
    current.ack_wait !== wanted.ack_wait ||
    current.max_ack_pending !== wanted.max_ack_pending ||
    current.max_deliver !== wanted.max_deliver ||
    (current.filter_subject ?? '') !== (wanted.filter_subject ?? '') ||
    (current.filter_subjects ?? []).join(' ') !== (wanted.filter_subjects ?? []).join(' ')
  );
}

function serverAtLeast(connection: NatsConnection, major: number, minor: number): boolean {
  const [serverMajor = 0, serverMinor = 0] = (connection.info?.version ?? '0.0.0').split('.').map(Number);
  return serverMajor > major || (serverMajor === major && serverMinor >= minor);
}
