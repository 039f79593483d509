import { status as Status, Metadata, type CallOptions, type ClientUnaryCall, type ServiceError } from '@grpc/grpc-js';
import { AUTHORIZATION_KEY } from './auth-interceptor.js';
import { backoffMs, type CallPolicy } from './call-policy.js';
import type { CallContext } from './call-context.js';
import { currentCallScope, type CallScope } from './call-scope.js';
import { fromServiceError, RemoteError } from './status-mapping.js';

/**
 * A generated client method bound to its client. Generated methods are overloaded and TypeScript infers
 * from the last overload, (request, callback), so that is the form named here; every generated method
 * also takes (request, metadata, options, callback), which is how it is called.
 */
export type UnaryMethod<Req, Res> = (request: Req, callback: (error: ServiceError | null, response?: Res) => void) => ClientUnaryCall;

type UnaryMethodWithOptions<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: CallOptions,
  callback: (error: ServiceError | null, response?: Res) => void,
) => ClientUnaryCall;

/**
 * Calls a unary method as a promise, with the caller's Authorization from `context` as metadata. Every attempt
 * shares one deadline: the policy's, or what is left of the incoming call's when this runs in a handler
 * (runInCallScope) and that is sooner, so a deadline shrinks as a request travels instead of starting afresh.
 * The call is cancelled when the incoming call ends. UNAVAILABLE is retried only when `retry` is true (a read,
 * or a write the server deduplicates by a key it carries: see RetrySafety), after a jittered backoff that still
 * fits before the deadline. Failures become RemoteErrors.
 */
export async function callUnary<Req, Res>(
  method: UnaryMethod<Req, Res>,
  request: Req,
  policy: CallPolicy,
  context: CallContext = {},
  retry = false,
): Promise<Res> {
  const scope = currentCallScope();
  const deadline = Math.min(Date.now() + policy.deadlineMs, scope?.deadline ?? Infinity);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptOnce(method, request, metadataOf(context), deadline, scope);
    } catch (error) {
      const remote = error instanceof RemoteError ? error : undefined;
      const wait = backoffMs(policy, attempt);
      const retryable = retry && remote?.status === Status.UNAVAILABLE && attempt < policy.maxAttempts && Date.now() + wait < deadline;
      if (!retryable) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (scope?.signal.aborted) throw error;
    }
  }
}

// A new Metadata per attempt: grpc-js takes ownership of the one it is given.
function metadataOf(context: CallContext): Metadata {
  const metadata = new Metadata();
  if (context.authorization !== undefined) metadata.set(AUTHORIZATION_KEY, context.authorization);
  return metadata;
}

function attemptOnce<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, metadata: Metadata, deadline: number, scope: CallScope | undefined): Promise<Res> {
  if (scope?.signal.aborted) return Promise.reject(endedCallError(scope));
  if (deadline <= Date.now()) return Promise.reject(new RemoteError('UNAVAILABLE', 'GRPC.DEADLINE_EXCEEDED', 'no time left before the deadline', undefined, Status.DEADLINE_EXCEEDED));
  return new Promise((resolve, reject) => {
    // grpc-js calls back asynchronously, never before `cancel` below exists.
    const call = (method as unknown as UnaryMethodWithOptions<Req, Res>)(request, metadata, { deadline }, (error, response) => {
      scope?.signal.removeEventListener('abort', cancel);
      if (error) reject(fromServiceError(error));
      else if (response === undefined) reject(new Error('empty response'));
      else resolve(response);
    });
    const cancel = () => call.cancel();
    scope?.signal.addEventListener('abort', cancel, { once: true });
  });
}

/** Why a call made for an incoming call that has ended is not made. */
function endedCallError(scope: CallScope): RemoteError {
  const deadlinePassed = scope.deadline !== undefined && scope.deadline <= Date.now();
  return deadlinePassed
    ? new RemoteError('UNAVAILABLE', 'GRPC.DEADLINE_EXCEEDED', 'the deadline of the call this one serves has passed', undefined, Status.DEADLINE_EXCEEDED)
    : new RemoteError('UNAVAILABLE', 'GRPC.CANCELLED', 'the call this one serves was cancelled', undefined, Status.CANCELLED);
}
