import { TokenIssuer, type SigningKey } from '@shop/identity';
import type { AccountRole } from '../domain/account.js';
import type { AccessTokenIssuer } from '../service/sign-in-ports.js';

/** AccessTokenIssuer with identity's TokenIssuer: EdDSA JWTs signed with the account service's key. */
export class JwtAccessTokens implements AccessTokenIssuer {
  private readonly issuer: TokenIssuer;

  constructor(key: SigningKey) {
    this.issuer = new TokenIssuer(key);
  }

  issue(accountId: string, role: AccountRole, issuedAt: number): Promise<{ token: string; expiresAt: Date }> {
    return this.issuer.issue(accountId, role, issuedAt);
  }
}
