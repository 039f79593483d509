import { createHash } from 'node:crypto';
import type { JsMsg } from '@nats-io/jetstream';
import { decodeEnvelope, type Envelope } from '@shop/events';

/** A message off the stream: an event, or bytes that are not one (those go straight to the dead letters). */
export type ReadMessage = { kind: 'event'; envelope: Envelope } | { kind: 'undecodable'; eventId: string; error: Error };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Bytes -> envelope, refusing an envelope whose event id is not a UUID (the inbox could not record it). */
export function decodeEventEnvelope(bytes: Uint8Array): Envelope {
  const envelope = decodeEnvelope(bytes);
  if (!UUID.test(envelope.eventId)) throw new Error(`event id "${envelope.eventId}" is not a UUID`);
  return envelope;
}

/** Decodes a message; an undecodable one gets an id to file it under (see undecodableId). */
export function readMessage(msg: JsMsg): ReadMessage {
  try {
    return { kind: 'event', envelope: decodeEventEnvelope(msg.data) };
  } catch (error) {
    return { kind: 'undecodable', eventId: undecodableId(msg), error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * The id an undecodable message is dead-lettered under: its message id when that is a UUID (the relay publishes
 * the event id as message id), otherwise a UUID derived from stream and sequence, so a redelivery of the same
 * message lands on the same dead letter.
 */
function undecodableId(msg: JsMsg): string {
  const messageId = msg.headers?.get('Nats-Msg-Id') ?? '';
  if (UUID.test(messageId)) return messageId.toLowerCase();
  const hex = createHash('sha256').update(`${msg.info.stream}:${msg.seq}`).digest('hex');
  // Version 8 (custom) and the RFC 4122 variant, so it is a well-formed UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
