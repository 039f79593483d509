/**
 * How many partitions every stream's subjects are spread over. An event is published on its type's subject plus
 * its aggregate's partition (shop.order.order.created.3), so a consumer can take each partition in order on its
 * own while the partitions run side by side. Fixed for the life of a stream: changing it would let an
 * aggregate's next event overtake the ones still waiting in its old partition.
 */
export const EVENT_PARTITIONS = 4;

/** The partition of an aggregate: FNV-1a (32 bits) of its id, modulo the count; the same in every process and release. */
export function partitionOf(aggregateId: string, partitions: number = EVENT_PARTITIONS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < aggregateId.length; i += 1) {
    hash ^= aggregateId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

/** The subject an event is published on: its type's subject (shop.<service>.<aggregate>.<event>) and its aggregate's partition. */
export function publishedSubject(typeSubject: string, aggregateId: string): string {
  return `${typeSubject}.${partitionOf(aggregateId)}`;
}
