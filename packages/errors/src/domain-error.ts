/**
 * What kind of failure a domain error is. Each boundary maps the kind, never the class or
 * the message, to its own status (gRPC status, GraphQL extensions.code).
 */
export type ErrorKind =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'FAILED_PRECONDITION'
  | 'PERMISSION_DENIED'
  | 'UNAUTHENTICATED'
  | 'RESOURCE_EXHAUSTED'
  | 'UNAVAILABLE';

/** Base of every error the shop raises on purpose; `code` is stable (`ACCOUNT.NOT_FOUND`) because instanceof does not cross a network. */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    readonly code: string,
    message: string,
    /** The input field at fault, when one is (`email`, `items[2].quantity`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule; always names the field. */
export class ValidationError extends DomainError {
  readonly kind = 'INVALID_ARGUMENT';

  constructor(code: string, field: string, message: string) {
    super(code, message, field);
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
}

/** The change would break a uniqueness rule (an email already in use). */
export class ConflictError extends DomainError {
  readonly kind = 'ALREADY_EXISTS';
}

/** The request is well-formed but the current state does not allow it. */
export class PreconditionError extends DomainError {
  readonly kind = 'FAILED_PRECONDITION';
}

/** A dependency (another service, the database) cannot be reached right now; retrying may help. */
export class UnavailableError extends DomainError {
  readonly kind = 'UNAVAILABLE';
}

/** The caller did not prove who it is, or its proof (an access token, a password) is not accepted. */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'UNAUTHENTICATED';
}

/** The caller is known but may not do this. */
export class PermissionDeniedError extends DomainError {
  readonly kind = 'PERMISSION_DENIED';
}

/** Too many attempts: the caller may try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly kind = 'RESOURCE_EXHAUSTED';

  constructor(
    code: string,
    message: string,
    /** Whole seconds until an attempt can succeed again; at least 1. */
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}
