import type { Role } from './caller.js';

/** The `iss` of every access token: the account service, which alone holds the signing key. */
export const TOKEN_ISSUER = 'shop-account';

/** The `aud` of every access token: the shop's services and gateway. */
export const TOKEN_AUDIENCE = 'shop';

/** The JOSE header `typ` of access tokens (RFC 9068), so no other JWT signed with the same key passes as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** The one signing algorithm accepted: EdDSA over Ed25519. Anything else (none, HS256, RS256) is refused. */
export const TOKEN_ALGORITHM = 'EdDSA';

/** Access tokens live 15 minutes (API.md); this also bounds what a missed revocation event can cost. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** How far clocks of the shop's processes may disagree when checking `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** What an access token says, once verified. */
export interface AccessClaims {
  accountId: string;
  role: Role;
  /** Whole seconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
}
