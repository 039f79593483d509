import { trace } from '@opentelemetry/api';

/**
 * Adds attributes to the span of the call being handled (the gRPC server span tracing opened): the caller's role,
 * an order id, a domain error code. Does nothing when tracing is off. Never pass an email, a token or a password.
 */
export function annotateCallSpan(attributes: Record<string, string | number>): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}
