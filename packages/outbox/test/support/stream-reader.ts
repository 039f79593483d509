import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { decodeEnvelope, type Envelope } from '@shop/events';
import type { NatsConnection } from '@shop/nats';

/** One message of the stream as a consumer sees it. */
export interface StreamedEvent {
  seq: number;
  subject: string;
  msgId: string | undefined;
  envelope: Envelope;
}

/** Every message in `stream`, in stream order, read with an ordered consumer (as a test would check delivery). */
export async function readStream(connection: NatsConnection, stream: string, timeoutMs = 15_000): Promise<StreamedEvent[]> {
  const info = await (await jetstreamManager(connection)).streams.info(stream);
  if (info.state.messages === 0) return [];
  const lastSeq = info.state.last_seq;
  const consumer = await jetstream(connection).consumers.get(stream);
  const messages = await consumer.consume();
  const timer = setTimeout(() => void messages.close(), timeoutMs);
  const events: StreamedEvent[] = [];
  try {
    for await (const message of messages) {
      events.push({ seq: message.seq, subject: message.subject, msgId: message.headers?.get('Nats-Msg-Id'), envelope: decodeEnvelope(message.data) });
      if (message.seq >= lastSeq) break;
    }
  } finally {
    clearTimeout(timer);
    await messages.close();
  }
  if (events.at(-1)?.seq !== lastSeq) throw new Error(`read ${events.length} messages of ${stream} but not up to its last, ${lastSeq}`);
  return events;
}
