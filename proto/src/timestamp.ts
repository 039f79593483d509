import type { Timestamp, Timestamp__Output } from '../generated/google/protobuf/Timestamp.js';

/** Date -> google.protobuf.Timestamp, for servers and clients mapping their models to the wire. */
export function toTimestamp(date: Date): Timestamp {
  const millis = date.getTime();
  const seconds = Math.floor(millis / 1000);
  return { seconds: String(seconds), nanos: (millis - seconds * 1000) * 1_000_000 };
}

/** google.protobuf.Timestamp -> Date (millisecond precision); a missing timestamp is the epoch. */
export function fromTimestamp(timestamp: Timestamp__Output | null | undefined): Date {
  if (!timestamp) return new Date(0);
  return new Date(Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1_000_000));
}
