import type { handleUnaryCall, sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { DomainError } from '@shop/errors';
import type { Caller } from '@shop/identity';
import type { Logger } from '@shop/logger';
import { callerOf } from './auth-interceptor.js';
import { annotateCallSpan } from './call-span.js';
import { runInCallScope } from './call-scope.js';
import { toStatus } from './status-mapping.js';

/**
 * Adapts an async function to grpc-js's callback handler, so handlers are written as
 * `async (request, caller) => response`, the caller being what authInterceptor verified. Thrown domain errors
 * become their status; anything else is logged with its stack and answered as a bare INTERNAL, so no stack
 * trace leaves the process. The handler runs in the call's scope (runInCallScope): the calls it makes to other
 * services inherit what is left of this call's deadline, and its database statements stop when the call ends.
 */
export function unary<Req, Res>(
  logger: Logger,
  handler: (request: Req, caller: Caller, call: ServerUnaryCall<Req, Res>) => Promise<Res>,
): handleUnaryCall<Req, Res> {
  return (call, callback: sendUnaryData<Res>) => {
    const fail = (error: unknown) => {
      if (!(error instanceof DomainError)) logger.error({ err: error, method: call.getPath() }, 'unexpected error in handler');
      else annotateCallSpan({ 'shop.error_code': error.code });
      callback(toStatus(error), null);
    };
    const caller = callerOf(call);
    annotateCallSpan({ 'shop.caller_role': caller.kind });
    runInCallScope(call, () => handler(call.request, caller, call)).then((response) => callback(null, response), fail);
  };
}
