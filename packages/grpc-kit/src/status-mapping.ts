import { status as Status, Metadata, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import { DomainError, RateLimitedError, type ErrorKind } from '@shop/errors';

// The one place where domain errors and gRPC statuses meet, in both directions.

/** Metadata key carrying the stable domain code (`ACCOUNT.EMAIL_TAKEN`). */
export const ERROR_CODE_KEY = 'shop-error-code';
/** Metadata key carrying the input field at fault, when there is one. */
export const ERROR_FIELD_KEY = 'shop-error-field';

/** Metadata key carrying the seconds to wait after a RESOURCE_EXHAUSTED (rate limited) answer. */
export const RETRY_AFTER_KEY = 'shop-retry-after-seconds';

const statusOfKind: Record<ErrorKind, Status> = {
  INVALID_ARGUMENT: Status.INVALID_ARGUMENT,
  NOT_FOUND: Status.NOT_FOUND,
  ALREADY_EXISTS: Status.ALREADY_EXISTS,
  FAILED_PRECONDITION: Status.FAILED_PRECONDITION,
  PERMISSION_DENIED: Status.PERMISSION_DENIED,
  UNAUTHENTICATED: Status.UNAUTHENTICATED,
  RESOURCE_EXHAUSTED: Status.RESOURCE_EXHAUSTED,
  UNAVAILABLE: Status.UNAVAILABLE,
};

/** Turns anything a handler threw into the status sent to the client; unexpected errors become a bare INTERNAL. */
export function toStatus(error: unknown): Partial<StatusObject> {
  if (!(error instanceof DomainError)) {
    return { code: Status.INTERNAL, details: 'internal error' };
  }
  const metadata = new Metadata();
  metadata.set(ERROR_CODE_KEY, error.code);
  if (error.field !== undefined) metadata.set(ERROR_FIELD_KEY, error.field);
  if (error instanceof RateLimitedError) metadata.set(RETRY_AFTER_KEY, String(error.retryAfterSeconds));
  return { code: statusOfKind[error.kind], details: error.message, metadata };
}

/** An error another service answered with, as the calling code sees it: a DomainError with the remote code and field. */
export class RemoteError extends DomainError {
  constructor(
    readonly kind: ErrorKind,
    code: string,
    message: string,
    field: string | undefined,
    /** The gRPC status the remote service sent. */
    readonly status: Status,
    /** For a rate-limited answer: the seconds the service asked to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message, field);
  }
}

/** Statuses that mean "the dependency failed", which callers treat as UNAVAILABLE. */
const unavailableStatuses = new Set([Status.UNAVAILABLE, Status.DEADLINE_EXCEEDED, Status.INTERNAL, Status.UNKNOWN, Status.CANCELLED, Status.UNIMPLEMENTED, Status.DATA_LOSS, Status.ABORTED]);

/**
 * Turns a failed call into a RemoteError; its kind is the one whose status matches, else UNAVAILABLE. A
 * RESOURCE_EXHAUSTED is a rate limit only when the service sent its domain code (grpc-js itself answers it
 * for an oversized message, which is a transport failure).
 */
export function fromServiceError(error: ServiceError): RemoteError {
  const domainCode = error.metadata?.get(ERROR_CODE_KEY)[0];
  const transportFailure = unavailableStatuses.has(error.code) || (error.code === Status.RESOURCE_EXHAUSTED && domainCode === undefined);
  const kind = transportFailure
    ? 'UNAVAILABLE'
    : ((Object.keys(statusOfKind) as ErrorKind[]).find((candidate) => statusOfKind[candidate] === error.code) ?? 'UNAVAILABLE');
  const code = String(domainCode ?? `GRPC.${Status[error.code]}`);
  const field = error.metadata?.get(ERROR_FIELD_KEY)[0];
  const retryAfter = Number(error.metadata?.get(RETRY_AFTER_KEY)[0]);
  return new RemoteError(
    kind,
    code,
    error.details || Status[error.code] || 'call failed',
    field === undefined ? undefined : String(field),
    error.code,
    kind === 'RESOURCE_EXHAUSTED' && Number.isFinite(retryAfter) ? retryAfter : undefined,
  );
}
