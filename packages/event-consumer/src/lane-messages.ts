import type { Consumer, ConsumerMessages } from '@nats-io/jetstream';
import { ensureStream, type NatsConnection } from '@shop/nats';
import { ensureDurableConsumer } from './durable-consumer.js';
import type { ProcessorContext } from './message-processor.js';

/** One durable consumer of a consumer: the whole stream, or one partition of it. */
export interface Lane {
  durable: string;
  filterSubjects: readonly string[];
  /** Messages in flight at once (the durable's max_ack_pending): 1, or the batch size of a batch lane. */
  inFlight: number;
}

/** Where a lane's messages come from. */
export interface LaneSource {
  connection: NatsConnection;
  stream: { name: string; subjects: string[] };
}

/** Ensures the stream and the lane's durable consumer, and returns the durable. */
export async function laneConsumer(source: LaneSource, lane: Lane, context: Pick<ProcessorContext, 'ackWaitMs'>): Promise<Consumer> {
  await ensureStream(source.connection, source.stream);
  return ensureDurableConsumer(source.connection, {
    stream: source.stream.name,
    durable: lane.durable,
    filterSubjects: lane.filterSubjects,
    ackWaitMs: context.ackWaitMs,
    maxAckPending: lane.inFlight,
  });
}

/** Pulls up to `lane.inFlight` messages at a time; the messages end when the consumer or its stream vanished. */
export async function openMessages(consumer: Consumer, lane: Lane, context: Pick<ProcessorContext, 'log'>): Promise<ConsumerMessages> {
  const messages = await consumer.consume({ max_messages: lane.inFlight, expires: 10_000 });
  const watch = async () => {
    for await (const status of messages.status()) {
      if (status.type === 'consumer_not_found' || status.type === 'consumer_deleted' || status.type === 'stream_not_found') {
        context.log.warn({ status: status.type }, 'the durable consumer or its stream is gone; creating them again');
        messages.stop();
      }
    }
  };
  watch().catch(() => {}); // ends with the messages
  return messages;
}
