import { SignJWT } from 'jose';
import type { Role } from './caller.js';
import type { SigningKey } from './signing-keys.js';
import { ACCESS_TOKEN_TTL_SECONDS, ACCESS_TOKEN_TYPE, TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from './token-claims.js';

/** A signed access token and when it stops working. */
export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * Signs access tokens: EdDSA JWTs with sub, role, iat, exp, iss, aud and the key id in the header. Only the
 * account service holds a SigningKey; tests make their own to stand in for it.
 */
export class TokenIssuer {
  constructor(
    private readonly key: SigningKey,
    private readonly ttlSeconds: number = ACCESS_TOKEN_TTL_SECONDS,
  ) {}

  /** A token for the account, issued at `issuedAt` (whole seconds; may lie up to a second ahead, see the deny list). */
  async issue(accountId: string, role: Role, issuedAt: number): Promise<IssuedToken> {
    const expiresAt = issuedAt + this.ttlSeconds;
    const token = await new SignJWT({ role })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: this.key.kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(accountId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key.privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}
