import { UnauthenticatedError, UnavailableError } from '@shop/errors';

/** Stable codes of token checks; the same in every service and the gateway. */
export const IdentityErrorCode = {
  invalidToken: 'AUTH.INVALID_TOKEN',
  expiredToken: 'AUTH.TOKEN_EXPIRED',
  revokedToken: 'AUTH.TOKEN_REVOKED',
  keysUnavailable: 'AUTH.KEYS_UNAVAILABLE',
} as const;

/** A token that is malformed, badly signed, expired or revoked; the request runs nothing. */
export class InvalidTokenError extends UnauthenticatedError {
  constructor(message: string, code: string = IdentityErrorCode.invalidToken) {
    super(code, message);
  }
}

/** The public keys could not be fetched, so no token can be checked now; anonymous calls still work. */
export class KeysUnavailableError extends UnavailableError {
  constructor() {
    super(IdentityErrorCode.keysUnavailable, 'the keys that sign access tokens cannot be fetched now; try again later');
  }
}
