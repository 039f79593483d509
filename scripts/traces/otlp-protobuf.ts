// OTLP/HTTP's binary encoding (Content-Type application/x-protobuf), decoded with protobufjs from our own .proto.
import { join } from 'node:path';
import protobuf from 'protobufjs';
import { normaliseExportRequest, OtlpPayloadError } from './otlp-normalise.js';
import type { ReceivedSpan } from './received-span.js';

const protoFile = join(import.meta.dirname, 'otlp-trace.proto');
let root: protobuf.Root | undefined;

/** The request and response message types of otlp-trace.proto: the receiver decodes with them, tests encode with them. */
export function otlpTraceTypes(): { request: protobuf.Type; response: protobuf.Type } {
  root ??= protobuf.loadSync(protoFile);
  return {
    request: root.lookupType('opentelemetry.proto.trace.v1.ExportTraceServiceRequest'),
    response: root.lookupType('opentelemetry.proto.trace.v1.ExportTraceServiceResponse'),
  };
}

/** The spans of an ExportTraceServiceRequest in protobuf, or an OtlpPayloadError when the bytes are not one. */
export function decodeProtobufRequest(bytes: Uint8Array): ReceivedSpan[] {
  const { request } = otlpTraceTypes();
  let object: unknown;
  try {
    // int64 and fixed64 as decimal strings keep all 64 bits; bytes stay bytes; enums stay numbers.
    object = request.toObject(request.decode(bytes), { longs: String });
  } catch (error) {
    // Truncated or garbled bytes, and nesting deep enough to exhaust the stack, all end up here.
    throw new OtlpPayloadError(`not an ExportTraceServiceRequest in protobuf: ${(error as Error).message}`);
  }
  return normaliseExportRequest(object);
}

/** The reply to an accepted protobuf export: an empty ExportTraceServiceResponse, which encodes to no bytes at all. */
export function encodeProtobufResponse(): Uint8Array {
  const { response } = otlpTraceTypes();
  return response.encode(response.create({})).finish();
}
