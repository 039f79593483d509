import { Metadata, type handleUnaryCall, type MethodDefinition, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { ValidationError } from '@shop/errors';
import { toStatus } from './status-mapping.js';

/** The domain code of a request whose bytes are not a message of its method. */
export const MALFORMED_REQUEST_CODE = 'GRPC.MALFORMED_REQUEST';

/** What a request that could not be decoded becomes, so its handler can refuse it. */
class MalformedRequest {
  constructor(readonly reason: string) {}
}

/**
 * A service whose unary methods answer INVALID_ARGUMENT (code GRPC.MALFORMED_REQUEST) to request bytes that do
 * not decode as the method's message (a cut length, an overlong varint, a wrong wire type), where grpc-js would
 * answer INTERNAL: bad input is the caller's fault, and never INTERNAL (ARCHITECTURE.md, "Errors"). Decoding
 * failures become a MalformedRequest instead of a throw; the handler refuses it before running.
 */
export function refusingMalformedRequests(
  definition: ServiceDefinition,
  implementation: UntypedServiceImplementation,
): { definition: ServiceDefinition; implementation: UntypedServiceImplementation } {
  const guardedDefinition: Record<string, MethodDefinition<unknown, unknown>> = { ...definition };
  const guardedImplementation: UntypedServiceImplementation = { ...implementation };
  for (const [name, method] of Object.entries(definition)) {
    const handler = implementation[name] as handleUnaryCall<unknown, unknown> | undefined;
    if (method.requestStream || method.responseStream || !handler) continue;
    guardedDefinition[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return method.requestDeserialize(bytes);
        } catch (error) {
          return new MalformedRequest((error as Error).message);
        }
      },
    };
    guardedImplementation[name] = ((call, callback) => {
      if (!(call.request instanceof MalformedRequest)) return handler(call, callback);
      const refused = toStatus(new ValidationError(MALFORMED_REQUEST_CODE, 'request', `the request is not a valid message of ${method.path}: ${call.request.reason}`));
      callback({ code: refused.code, details: refused.details, metadata: refused.metadata ?? new Metadata() }, null);
    }) satisfies handleUnaryCall<unknown, unknown>;
  }
  return { definition: guardedDefinition, implementation: guardedImplementation };
}
