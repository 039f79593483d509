import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { DomainError } from '@shop/errors';
import { accountCaller, ANONYMOUS, ROLES, type Caller, type Role } from './caller.js';
import type { DenyList } from './deny-list.js';
import { IdentityErrorCode, InvalidTokenError } from './identity-errors.js';
import type { JwksCache } from './jwks-cache.js';
import { ACCESS_TOKEN_TYPE, CLOCK_TOLERANCE_SECONDS, TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER, type AccessClaims } from './token-claims.js';

/** The longest Authorization value looked at; ours are about 400 bytes, so anything far longer is refused unread. */
export const MAX_AUTHORIZATION_LENGTH = 4_096;

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a verifier may be tuned with; the defaults suit every process of the shop. */
export interface TokenVerifierOptions {
  /** Verified tokens remembered (by their exact text), so a client's next request skips the signature check. */
  cacheSize?: number;
  now?: () => number;
}

/**
 * Turns the Authorization values of a request into its Caller. No value: anonymous. One `Bearer <jwt>` value
 * whose signature, algorithm, type, issuer, audience, times and claims check out, and whose account is not
 * on the deny list: that account. Anything else throws InvalidTokenError, so the request runs nothing.
 * The gateway and every service use this same class, so a token one refuses every other refuses too.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, AccessClaims>();
  private readonly cacheSize: number;
  private readonly now: () => number;

  constructor(
    private readonly keys: JwksCache,
    private readonly denyList: DenyList,
    options: TokenVerifierOptions = {},
  ) {
    this.cacheSize = options.cacheSize ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The caller behind the Authorization values of one request (undefined or [] when there is none). */
  async authenticate(authorization: string | readonly string[] | undefined): Promise<Caller> {
    const values = authorization === undefined ? [] : typeof authorization === 'string' ? [authorization] : authorization;
    if (values.length === 0) return ANONYMOUS;
    if (values.length > 1) throw new InvalidTokenError('send one Authorization header, not several');
    const value = values[0]!;
    if (value.length > MAX_AUTHORIZATION_LENGTH) throw new InvalidTokenError('the Authorization header is too long');
    const token = BEARER.exec(value)?.[1];
    if (token === undefined) throw new InvalidTokenError('Authorization must be "Bearer <access token>"');
    const claims = await this.claimsOf(token);
    if (this.denyList.isRevoked(claims.accountId, claims.issuedAt)) {
      throw new InvalidTokenError('the access token was revoked; sign in again', IdentityErrorCode.revokedToken);
    }
    return accountCaller(claims.accountId, claims.role, claims.issuedAt, token);
  }

  private async claimsOf(token: string): Promise<AccessClaims> {
    const nowSeconds = this.now() / 1000;
    const cached = this.verified.get(token);
    if (cached) {
      if (cached.expiresAt > nowSeconds - CLOCK_TOLERANCE_SECONDS) return cached;
      this.verified.delete(token);
      throw expired();
    }
    const claims = await this.verify(token, nowSeconds);
    if (this.verified.size >= this.cacheSize) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims);
    return claims;
  }

  private async verify(token: string, nowSeconds: number): Promise<AccessClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(
        token,
        (header) => {
          if (typeof header.kid !== 'string') throw new InvalidTokenError('the access token names no key (kid)');
          return this.keys.key(header.kid);
        },
        {
          algorithms: [TOKEN_ALGORITHM],
          typ: ACCESS_TOKEN_TYPE,
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          requiredClaims: ['sub', 'iat', 'exp'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          currentDate: new Date(nowSeconds * 1000),
        },
      ));
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw expired();
      throw new InvalidTokenError('the access token is not valid');
    }
    return checkedClaims(payload, nowSeconds);
  }
}

function expired(): InvalidTokenError {
  return new InvalidTokenError('the access token has expired; refresh it or sign in again', IdentityErrorCode.expiredToken);
}

/** The claims jose does not know about: sub an account id, role one of ours, iat a whole second not in the future. */
function checkedClaims(payload: JWTPayload, nowSeconds: number): AccessClaims {
  const { sub, role, iat, exp } = payload as JWTPayload & { role?: unknown };
  if (typeof sub !== 'string' || !UUID.test(sub)) throw new InvalidTokenError('the access token names no account');
  if (!ROLES.includes(role as Role)) throw new InvalidTokenError('the access token has no valid role');
  if (!Number.isInteger(iat) || !Number.isInteger(exp)) throw new InvalidTokenError('the access token has malformed times');
  if (iat! > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw new InvalidTokenError('the access token is not valid yet');
  return { accountId: sub, role: role as Role, issuedAt: iat!, expiresAt: exp! };
}
