import { newId } from '@shop/ids';
import { mapConnectionErrors, withTransaction, type Pool, type Tx } from '@shop/postgres';
import type { Account, AccountRole } from '../domain/account.js';
import { AccountStoreUnavailableError } from '../domain/account-errors.js';
import { nextTokensNotBefore, type AccountEventCodec } from '../domain/account-events.js';
import type { Actor } from '../domain/account-repository.js';
import type { CreateRequestClaim, CreateRequestRecord } from '../domain/create-request.js';
import type { CredentialRepository, Rotation, SignInRecord } from '../domain/credentials.js';
import { ACCOUNT_COLUMNS, toDomain, type AccountRow } from './account-row.js';
import { insertAccount, lockAccount, recordEvents, storeAccount } from './account-writes.js';
import { claimCreateRequest, findCreateRequest, pruneCreateRequests } from './create-request-pg-records.js';

type SignInRow = AccountRow & { password_hash: string | null; tokens_not_before: string | null };

const SIGN_IN_SELECT = `SELECT ${ACCOUNT_COLUMNS.split(', ').map((column) => `a.${column}`).join(', ')}, c.password_hash, c.tokens_not_before
  FROM accounts AS a LEFT JOIN account_credentials AS c ON c.account_id = a.id`;

function toRecord(row: SignInRow): SignInRecord {
  return { account: toDomain(row), passwordHash: row.password_hash ?? undefined, tokensNotBefore: Number(row.tokens_not_before ?? 0) };
}

/**
 * CredentialRepository on the account service's Postgres: password hashes, the revocation mark, refresh-token
 * families. Revoking changes lock the account row and write their event at its next version, in one transaction.
 */
export class CredentialPgRepository implements CredentialRepository {
  constructor(
    private readonly pool: Pool,
    private readonly events: AccountEventCodec,
  ) {}

  addWithPassword(account: Account, passwordHash: string | undefined, actor: Actor, claim?: CreateRequestClaim): Promise<void> {
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        if (claim) await claimCreateRequest(tx, claim, account.id, account.createdAt);
        await insertAccount(tx, this.events, account, actor);
        await tx.query('INSERT INTO account_credentials (account_id, password_hash) VALUES ($1, $2)', [account.id, passwordHash ?? null]);
      }),
    );
  }

  findCreateRequest(requestId: string, liveSince: Date): Promise<CreateRequestRecord | undefined> {
    return this.run(() => findCreateRequest(this.pool, requestId, liveSince));
  }

  pruneCreateRequests(before: Date): Promise<number> {
    return this.run(() => pruneCreateRequests(this.pool, before));
  }

  findByEmail(email: string): Promise<SignInRecord | undefined> {
    return this.run(async () => {
      const { rows } = await this.pool.query<SignInRow>({ name: 'sign-in-by-email', text: `${SIGN_IN_SELECT} WHERE lower(a.email) = lower($1)`, values: [email] });
      return rows[0] && toRecord(rows[0]);
    });
  }

  findById(accountId: string): Promise<SignInRecord | undefined> {
    return this.run(async () => {
      const { rows } = await this.pool.query<SignInRow>({ name: 'sign-in-by-id', text: `${SIGN_IN_SELECT} WHERE a.id = $1`, values: [accountId] });
      return rows[0] && toRecord(rows[0]);
    });
  }

  changePassword(accountId: string, passwordHash: string, now: Date, actor: Actor): Promise<SignInRecord> {
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        const { account, version } = await lockAccount(tx, accountId);
        const notBefore = await this.revoke(tx, accountId, now);
        await tx.query('UPDATE account_credentials SET password_hash = $2 WHERE account_id = $1', [accountId, passwordHash]);
        await tx.query('UPDATE accounts SET version = $2 WHERE id = $1', [accountId, version + 1]);
        await recordEvents(tx, this.events, [{ kind: 'passwordChanged', accountId, tokensNotBefore: notBefore }], version + 1, now, actor);
        return { account, passwordHash, tokensNotBefore: notBefore };
      }),
    );
  }

  changeRole(accountId: string, role: AccountRole, now: Date, actor: Actor): Promise<Account> {
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        const current = await lockAccount(tx, accountId);
        if (current.account.role === role) return current.account;
        const changed = current.account.withRole(role, now);
        await storeAccount(tx, changed, current.version + 1);
        // Refresh tokens stay valid: a refresh reads the role again, so it hands out tokens of the new role.
        const notBefore = await this.markRevoked(tx, accountId, now);
        await recordEvents(tx, this.events, [{ kind: 'roleChanged', account: changed, tokensNotBefore: notBefore }], current.version + 1, now, actor);
        return changed;
      }),
    );
  }

  startSession(accountId: string, tokenHash: Buffer, expiresAt: Date, now: Date): Promise<void> {
    return this.run(async () => {
      await this.pool.query({
        name: 'session-start',
        text: 'INSERT INTO refresh_tokens (token_hash, family_id, account_id, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        values: [tokenHash, newId(), accountId, now, expiresAt],
      });
    });
  }

  rotateSession(tokenHash: Buffer, successorHash: Buffer, expiresAt: Date, now: Date): Promise<Rotation> {
    return this.run(() =>
      withTransaction(this.pool, async (tx) => {
        const { rows } = await tx.query<{ family_id: string; account_id: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null }>(
          'SELECT family_id, account_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
          [tokenHash],
        );
        const token = rows[0];
        if (!token || token.revoked_at || token.expires_at <= now) return { outcome: 'invalid' };
        if (token.used_at) {
          await this.revokeAllSessions(tx, token.account_id, now);
          return { outcome: 'reused' };
        }
        await tx.query('UPDATE refresh_tokens SET used_at = $2 WHERE token_hash = $1', [tokenHash, now]);
        await tx.query('INSERT INTO refresh_tokens (token_hash, family_id, account_id, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
          successorHash,
          token.family_id,
          token.account_id,
          now,
          expiresAt,
        ]);
        const { rows: records } = await tx.query<SignInRow>(`${SIGN_IN_SELECT} WHERE a.id = $1`, [token.account_id]);
        return records[0] ? { outcome: 'rotated', record: toRecord(records[0]) } : { outcome: 'invalid' };
      }),
    );
  }

  endSession(accountId: string, tokenHash: Buffer, now: Date): Promise<boolean> {
    return this.run(async () => {
      const { rowCount } = await this.pool.query(
        `UPDATE refresh_tokens SET revoked_at = $3
         WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND account_id = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $3)
           AND revoked_at IS NULL`,
        [tokenHash, accountId, now],
      );
      return (rowCount ?? 0) > 0;
    });
  }

  /** A refresh token used twice: whoever holds the family, revoke every session and access token of the account. */
  private async revokeAllSessions(tx: Tx, accountId: string, now: Date): Promise<void> {
    const { version } = await lockAccount(tx, accountId);
    const notBefore = await this.revoke(tx, accountId, now);
    await tx.query('UPDATE accounts SET version = $2 WHERE id = $1', [accountId, version + 1]);
    await recordEvents(tx, this.events, [{ kind: 'sessionsRevoked', accountId, tokensNotBefore: notBefore, reason: 'refresh token reused' }], version + 1, now, null);
  }

  /** Revokes every refresh token of the account and moves its revocation mark; returns the new mark. */
  private async revoke(tx: Tx, accountId: string, now: Date): Promise<number> {
    await tx.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL', [accountId, now]);
    return this.markRevoked(tx, accountId, now);
  }

  /** Moves the account's revocation mark past every token issued so far; returns it. */
  private async markRevoked(tx: Tx, accountId: string, now: Date): Promise<number> {
    const { rows } = await tx.query<{ tokens_not_before: string }>('SELECT tokens_not_before FROM account_credentials WHERE account_id = $1', [accountId]);
    const notBefore = nextTokensNotBefore(now, Number(rows[0]?.tokens_not_before ?? 0));
    await tx.query(
      `INSERT INTO account_credentials (account_id, tokens_not_before) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET tokens_not_before = EXCLUDED.tokens_not_before`,
      [accountId, notBefore],
    );
    return notBefore;
  }

  /** Maps a lost or refused connection to the domain's UNAVAILABLE error; everything else passes through. */
  private run<T>(work: () => Promise<T>): Promise<T> {
    return mapConnectionErrors(work, () => new AccountStoreUnavailableError());
  }
}
