import { status as Status, Metadata, type CallOptions, type ClientUnaryCall, type ServiceError } from '@grpc/grpc-js';
import { AUTHORIZATION_KEY } from './auth-interceptor.js';
import { backoffMs, type CallPolicy } from './call-policy.js';
import type { CallContext } from './call-context.js';
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
 * shares one deadline; only UNAVAILABLE is retried, after a jittered backoff that still fits before the
 * deadline. Failures become RemoteErrors.
 */
export async function callUnary<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, policy: CallPolicy, context: CallContext = {}): Promise<Res> {
  const deadline = Date.now() + policy.deadlineMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptOnce(method, request, metadataOf(context), deadline);
    } catch (error) {
      const remote = error instanceof RemoteError ? error : undefined;
      const wait = backoffMs(policy, attempt);
      const retryable = remote?.status === Status.UNAVAILABLE && attempt < policy.maxAttempts && Date.now() + wait < deadline;
      if (!retryable) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

// A new Metadata per attempt: grpc-js takes ownership of the one it is given.
function metadataOf(context: CallContext): Metadata {
  const metadata = new Metadata();
  if (context.authorization !== undefined) metadata.set(AUTHORIZATION_KEY, context.authorization);
  return metadata;
}

function attemptOnce<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, metadata: Metadata, deadline: number): Promise<Res> {
  return new Promise((resolve, reject) => {
    const call = method as unknown as UnaryMethodWithOptions<Req, Res>;
    call(request, metadata, { deadline }, (error, response) => {
      if (error) reject(fromServiceError(error));
      else if (response === undefined) reject(new Error('empty response'));
      else resolve(response);
    });
  });
}
