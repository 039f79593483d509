import { ConflictError, NotFoundError, RateLimitedError, UnauthenticatedError, UnavailableError } from '@shop/errors';

/** Stable codes of the account domain; clients may switch on them. */
export const AccountErrorCode = {
  invalidId: 'ACCOUNT.INVALID_ID',
  invalidName: 'ACCOUNT.INVALID_NAME',
  invalidEmail: 'ACCOUNT.INVALID_EMAIL',
  invalidPageSize: 'ACCOUNT.INVALID_PAGE_SIZE',
  invalidPageToken: 'ACCOUNT.INVALID_PAGE_TOKEN',
  invalidAfterVersion: 'ACCOUNT.INVALID_AFTER_VERSION',
  invalidPassword: 'ACCOUNT.INVALID_PASSWORD',
  invalidRole: 'ACCOUNT.INVALID_ROLE',
  wrongPassword: 'ACCOUNT.WRONG_PASSWORD',
  invalidCredentials: 'ACCOUNT.INVALID_CREDENTIALS',
  invalidRefreshToken: 'ACCOUNT.INVALID_REFRESH_TOKEN',
  tooManyLogins: 'ACCOUNT.TOO_MANY_LOGINS',
  emailTaken: 'ACCOUNT.EMAIL_TAKEN',
  notFound: 'ACCOUNT.NOT_FOUND',
  storeUnavailable: 'ACCOUNT.STORE_UNAVAILABLE',
  invalidRequestId: 'ACCOUNT.INVALID_REQUEST_ID',
  requestIdReused: 'ACCOUNT.REQUEST_ID_REUSED',
} as const;

/** No account has the id. */
export class AccountNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(AccountErrorCode.notFound, `account ${id} not found`);
  }
}

/** Another account already uses the email (compared case-insensitively). */
export class EmailTakenError extends ConflictError {
  constructor(email: string) {
    super(AccountErrorCode.emailTaken, `email ${email} is already in use`, 'email');
  }
}

/** A login failed: the email is unknown, the account has no password, or the password is wrong; which one is not told. */
export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super(AccountErrorCode.invalidCredentials, 'the email or the password is wrong');
  }
}

/** A refresh token that is unknown, expired, already used or revoked. */
export class InvalidRefreshTokenError extends UnauthenticatedError {
  constructor() {
    super(AccountErrorCode.invalidRefreshToken, 'the refresh token is not valid; sign in again');
  }
}

/** Too many failed logins for one email: API.md's 5 in 15 minutes. */
export class TooManyLoginsError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super(AccountErrorCode.tooManyLogins, `too many failed logins for this email; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
  }
}

/** The account store cannot be reached; the call may succeed later. */
export class AccountStoreUnavailableError extends UnavailableError {
  constructor() {
    super(AccountErrorCode.storeUnavailable, 'the account database is unavailable');
  }
}

/** The request_id came with a different createAccount request within its 24 hours: a client bug, not a retry. */
export class RequestIdReusedError extends ConflictError {
  constructor() {
    super(AccountErrorCode.requestIdReused, 'requestId was used within the last 24 hours for a different createAccount request', 'requestId');
  }
}

/**
 * Storage found a live record of the request_id while storing a new account (a concurrent attempt of the same call
 * committed first) and stored nothing. Never leaves the service: it answers that attempt's account instead.
 */
export class CreateRequestTakenError extends Error {
  constructor(requestId: string) {
    super(`createAccount request ${JSON.stringify(requestId)} was already handled`);
    this.name = 'CreateRequestTakenError';
  }
}
