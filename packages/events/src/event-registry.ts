import { isKnownMessageType } from '@shop/proto';

/** One kind of event: its protobuf message, the aggregate it belongs to, and the NATS subject it is published on. */
export interface EventDefinition {
  /** Fully qualified protobuf message name, also the envelope's event_type: "shop.catalog.v1.ProductCreated". */
  type: string;
  /** "product", "order", "stock_reservation". */
  aggregateType: string;
  /** shop.<service>.<aggregate>.<event>, e.g. "shop.catalog.product.created"; published with the partition appended (publishedSubject). */
  subject: string;
}

const SUBJECT = /^shop\.[a-z_]+\.[a-z_]+\.[a-z_]+$/;

/**
 * The explicit list of a service's event types (no scanning, no decorators): what the outbox may write and
 * the relay publishes. Checked when built, so a typo fails at start, not when the first event is sent.
 */
export class EventRegistry {
  private readonly byTypeName = new Map<string, EventDefinition>();

  constructor(
    /** The service whose stream carries these events ("catalog" -> stream SHOP_CATALOG, subjects shop.catalog.>). */
    readonly service: string,
    definitions: readonly EventDefinition[],
  ) {
    for (const definition of definitions) {
      if (!isKnownMessageType(definition.type)) throw new Error(`event type ${definition.type} is not a message in proto/`);
      if (!SUBJECT.test(definition.subject) || !definition.subject.startsWith(`shop.${service}.`)) {
        throw new Error(`event ${definition.type}: subject ${definition.subject} must be shop.${service}.<aggregate>.<event>`);
      }
      if (this.byTypeName.has(definition.type)) throw new Error(`event type ${definition.type} is registered twice`);
      this.byTypeName.set(definition.type, definition);
    }
  }

  /** The definition of an event type; throws for a type this service never registered. */
  get(type: string): EventDefinition {
    const definition = this.byTypeName.get(type);
    if (!definition) throw new Error(`event type ${type} is not registered for ${this.service}`);
    return definition;
  }

  /** Every registered definition. */
  all(): EventDefinition[] {
    return [...this.byTypeName.values()];
  }
}

/** The JetStream stream of a service's events: one stream per service, subjects shop.<service>.>. */
export function streamOf(service: string): { name: string; subjects: string[] } {
  return { name: `SHOP_${service.toUpperCase()}`, subjects: [`shop.${service}.>`] };
}
