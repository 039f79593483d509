// Original file: shop/events/v1/envelope.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp.js';
import type { TraceContext as _shop_events_v1_TraceContext, TraceContext__Output as _shop_events_v1_TraceContext__Output } from '../../../shop/events/v1/TraceContext.js';
import type { Long } from '@grpc/proto-loader';

/**
 * What travels on NATS JetStream for every domain event: who it is about, in which order, and the event
 * message itself, encoded. The outbox stores exactly these fields; the relay publishes this message with
 * event_id as the Nats-Msg-Id.
 */
export interface EventEnvelope {
  /**
   * UUIDv7, created with the event.
   */
  'eventId'?: (string);
  /**
   * Fully qualified protobuf message name of the payload, e.g. "shop.catalog.v1.ProductCreated".
   */
  'eventType'?: (string);
  /**
   * "account", "product", "stock_reservation", "order".
   */
  'aggregateType'?: (string);
  'aggregateId'?: (string);
  /**
   * 1 for the event that creates the aggregate, then +1 per event of the same aggregate.
   */
  'aggregateVersion'?: (number | string | Long);
  'occurredAt'?: (_google_protobuf_Timestamp | null);
  /**
   * W3C trace context of the request that caused the event.
   */
  'trace'?: (_shop_events_v1_TraceContext | null);
  /**
   * The event message (event_type), protobuf-encoded.
   */
  'payload'?: (Buffer | Uint8Array | string);
  /**
   * Who caused the change: the account id of the caller, or empty for the system (work started by events).
   */
  'actor'?: (string);
}

/**
 * What travels on NATS JetStream for every domain event: who it is about, in which order, and the event
 * message itself, encoded. The outbox stores exactly these fields; the relay publishes this message with
 * event_id as the Nats-Msg-Id.
 */
export interface EventEnvelope__Output {
  /**
   * UUIDv7, created with the event.
   */
  'eventId': (string);
  /**
   * Fully qualified protobuf message name of the payload, e.g. "shop.catalog.v1.ProductCreated".
   */
  'eventType': (string);
  /**
   * "account", "product", "stock_reservation", "order".
   */
  'aggregateType': (string);
  'aggregateId': (string);
  /**
   * 1 for the event that creates the aggregate, then +1 per event of the same aggregate.
   */
  'aggregateVersion': (string);
  'occurredAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * W3C trace context of the request that caused the event.
   */
  'trace': (_shop_events_v1_TraceContext__Output | null);
  /**
   * The event message (event_type), protobuf-encoded.
   */
  'payload': (Buffer);
  /**
   * Who caused the change: the account id of the caller, or empty for the system (work started by events).
   */
  'actor': (string);
}
