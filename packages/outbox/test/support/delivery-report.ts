import type { Envelope } from '@shop/events';

/** What a fault test found in the stream, compared with what it committed. */
export interface DeliveryReport {
  produced: number;
  /** Produced events found in the stream at least once. */
  delivered: number;
  /** Messages beyond the first of the same event (JetStream's de-duplication should make this 0). */
  duplicated: number;
  /** Produced events missing from the stream. */
  lost: number;
  /** Messages whose aggregate version is lower than one already seen for that aggregate. */
  outOfOrder: number;
  /** Messages the test never produced (another test's, or garbage). */
  unexpected: number;
}

/** Compares the committed events with the stream's messages, in stream order. */
export function deliveryReport(produced: readonly Envelope[], streamed: readonly Envelope[]): DeliveryReport {
  const producedIds = new Set(produced.map((envelope) => envelope.eventId));
  const seen = new Set<string>();
  const highestVersion = new Map<string, number>();
  const report: DeliveryReport = { produced: producedIds.size, delivered: 0, duplicated: 0, lost: 0, outOfOrder: 0, unexpected: 0 };
  for (const envelope of streamed) {
    if (!producedIds.has(envelope.eventId)) report.unexpected += 1;
    if (seen.has(envelope.eventId)) report.duplicated += 1;
    seen.add(envelope.eventId);
    const aggregate = `${envelope.aggregateType}/${envelope.aggregateId}`;
    if (envelope.aggregateVersion < (highestVersion.get(aggregate) ?? 0)) report.outOfOrder += 1;
    highestVersion.set(aggregate, Math.max(envelope.aggregateVersion, highestVersion.get(aggregate) ?? 0));
  }
  report.delivered = [...seen].filter((id) => producedIds.has(id)).length;
  report.lost = report.produced - report.delivered;
  return report;
}

/** Prints the one line each fault test reports (the brief of the relay asks for it; lint allows no console.log). */
export function printDelivery(test: string, report: DeliveryReport): void {
  // eslint-disable-next-line no-console -- the fault tests' report line is meant to be read in the test output
  console.log(describeDelivery(test, report));
}

/** The line a fault test prints: "relay fault test: produced 2000, delivered 2000, duplicated 0, lost 0, ...". */
export function describeDelivery(test: string, report: DeliveryReport): string {
  return `relay fault test: produced ${report.produced}, delivered ${report.delivered}, duplicated ${report.duplicated}, lost ${report.lost}, out of order ${report.outOfOrder} (${test})`;
}
