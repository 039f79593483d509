// OTLP/HTTP's JSON encoding (Content-Type application/json): the protobuf JSON mapping of the same messages, with
// trace and span ids in hex rather than base64.
import { normaliseExportRequest, OtlpPayloadError } from './otlp-normalise.js';
import type { ReceivedSpan } from './received-span.js';

/** The spans of an ExportTraceServiceRequest in OTLP/JSON, or an OtlpPayloadError when the text is not one. */
export function decodeJsonRequest(body: string): ReceivedSpan[] {
  let object: unknown;
  try {
    object = JSON.parse(body);
  } catch (error) {
    throw new OtlpPayloadError(`not JSON: ${(error as Error).message}`);
  }
  return normaliseExportRequest(object);
}

/** The reply to an accepted JSON export: an empty ExportTraceServiceResponse in JSON. */
export const JSON_RESPONSE = '{}';
