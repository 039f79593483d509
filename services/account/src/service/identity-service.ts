import { ValidationError } from '@shop/errors';
import type { Scope, UseCaseHooks } from '@shop/hooks';
import { actorOf, type Caller, type Jwks } from '@shop/identity';
import { parseId } from '@shop/ids';
import { requireEmail } from '@shop/validation';
import { Account, type AccountRole } from '../domain/account.js';
import {
  AccountErrorCode,
  AccountNotFoundError,
  CreateRequestTakenError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  RequestIdReusedError,
} from '../domain/account-errors.js';
import { tokenIssuedAt } from '../domain/account-events.js';
import { CREATE_REQUEST_WINDOW_MS, createFingerprint, parseRequestId, type CreateRequestClaim } from '../domain/create-request.js';
import type { CredentialRepository, SignInRecord } from '../domain/credentials.js';
import { requireGivenPassword, requirePassword } from '../domain/password.js';
import { isRefreshTokenShaped, newRefreshToken, refreshTokenHash } from '../domain/refresh-token.js';
import type { AccountOperations, Session } from './account-operations.js';
import type { LoginGuard } from './login-guard.js';
import type { AccessTokenIssuer, PasswordHasher } from './sign-in-ports.js';

/** Refresh tokens live 30 days (API.md). */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const ROLES: readonly AccountRole[] = ['CUSTOMER', 'ADMIN'];

/** What IdentityService needs besides storage. */
export interface IdentityDependencies {
  credentials: CredentialRepository;
  loginGuard: LoginGuard;
  hasher: PasswordHasher;
  tokens: AccessTokenIssuer;
  /** The public keys tokens are signed with, for GetJwks. */
  jwks: () => Promise<Jwks>;
  hooks: UseCaseHooks<AccountOperations>;
  now?: () => Date;
}

/**
 * Who may sign in, and how: accounts with credentials and roles, sign-in, refresh-token rotation with reuse
 * detection, sign-out, password and role changes (both revoke earlier tokens), and the public keys.
 * Each operation runs inside the service's hooks, the access rule first.
 */
export class IdentityService {
  private readonly now: () => Date;

  constructor(private readonly deps: IdentityDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Admin only: an account with any role, with a password (it can sign in) or without. With a request_id (which
   * the client sets once per call and keeps across its retries), a repeat within 24 hours answers the account the
   * first attempt made, as it is now, instead of ALREADY_EXISTS on its own email; the id with another request is
   * CONFLICT on requestId.
   */
  createAccount(caller: Caller, input: AccountOperations['createAccount']['input']): Promise<Account> {
    return this.deps.hooks.run('createAccount', caller, input, async (input) => {
      const role = input.role === undefined ? 'CUSTOMER' : requireRole(input.role);
      const now = this.now();
      const account = Account.create({ name: input.name, email: input.email, role }, now);
      const password = input.password === undefined ? undefined : requirePassword(input.password, 'password');
      const requestId = parseRequestId(input.requestId);
      const claim: CreateRequestClaim | undefined =
        requestId === undefined ? undefined : { requestId, fingerprint: createFingerprint(account, password !== undefined), liveSince: new Date(now.getTime() - CREATE_REQUEST_WINDOW_MS) };
      const first = claim && (await this.accountMadeFor(claim));
      if (first) return first;
      const hash = password === undefined ? undefined : await this.deps.hasher.hash(password);
      try {
        await this.deps.credentials.addWithPassword(account, hash, actorOf(caller), claim);
      } catch (error) {
        // A concurrent attempt of the same call committed first: answer its account, as a later repeat would.
        const winner = claim && error instanceof CreateRequestTakenError ? await this.accountMadeFor(claim) : undefined;
        if (winner) return winner;
        throw error;
      }
      return account;
    });
  }

  /** The account a live record of the claim's request_id made, when the request is the same; CONFLICT when it is not. */
  private async accountMadeFor(claim: CreateRequestClaim): Promise<Account | undefined> {
    const record = await this.deps.credentials.findCreateRequest(claim.requestId, claim.liveSince);
    if (!record) return undefined;
    if (record.fingerprint !== claim.fingerprint) throw new RequestIdReusedError();
    return (await this.deps.credentials.findById(record.accountId))?.account;
  }

  /** A new customer, signed in. The account is its own actor in history. */
  register(caller: Caller, input: AccountOperations['register']['input']): Promise<Session> {
    return this.deps.hooks.run('register', caller, input, async (input) => {
      const account = Account.create({ name: input.name, email: input.email }, this.now());
      const hash = await this.deps.hasher.hash(requirePassword(input.password, 'password'));
      await this.deps.credentials.addWithPassword(account, hash, account.id);
      return this.openSession({ account, passwordHash: hash, tokensNotBefore: 0 });
    });
  }

  /** Signs in. A wrong password and an unknown email fail alike, in about the same time; 5 failures in 15 minutes throttle the email. */
  login(caller: Caller, input: AccountOperations['login']['input']): Promise<Session> {
    return this.deps.hooks.run('login', caller, input, async (input) => {
      const email = requireEmail(input.email, 'email', AccountErrorCode.invalidEmail);
      const password = requireGivenPassword(input.password, 'password');
      const guard = await this.deps.loginGuard.admit(email);
      const record = await this.deps.credentials.findByEmail(email);
      if (!(await this.deps.hasher.verify(record?.passwordHash, password)) || !record) {
        await guard.failed();
        throw new InvalidCredentialsError();
      }
      await guard.succeeded();
      return this.openSession(record);
    });
  }

  /** Rotates a refresh token: it works once. A second use revokes every session of its account. */
  refresh(caller: Caller, input: AccountOperations['refreshToken']['input']): Promise<Session> {
    return this.deps.hooks.run('refreshToken', caller, input, async (input) => {
      if (input.refreshToken === '') throw new ValidationError(AccountErrorCode.invalidRefreshToken, 'refreshToken', 'refreshToken must not be empty');
      if (!isRefreshTokenShaped(input.refreshToken)) throw new InvalidRefreshTokenError();
      const successor = newRefreshToken();
      const now = this.now();
      const rotation = await this.deps.credentials.rotateSession(refreshTokenHash(input.refreshToken), refreshTokenHash(successor), expiry(now), now);
      if (rotation.outcome !== 'rotated') throw new InvalidRefreshTokenError();
      return this.issue(rotation.record, successor, now);
    });
  }

  /** Revokes one of the caller's refresh tokens; false when it was not a live token of the caller. */
  logout(caller: Caller, input: AccountOperations['logout']['input']): Promise<boolean> {
    return this.deps.hooks.run('logout', caller, input, async (input, scope) => {
      if (input.refreshToken === '') throw new ValidationError(AccountErrorCode.invalidRefreshToken, 'refreshToken', 'refreshToken must not be empty');
      if (!isRefreshTokenShaped(input.refreshToken)) return false;
      return this.deps.credentials.endSession(ownAccount(scope), refreshTokenHash(input.refreshToken), this.now());
    });
  }

  /** A new password for the caller: every earlier token (access and refresh) stops working; answers a fresh session. */
  changePassword(caller: Caller, input: AccountOperations['changePassword']['input']): Promise<Session> {
    return this.deps.hooks.run('changePassword', caller, input, async (input, scope) => {
      const current = requireGivenPassword(input.currentPassword, 'currentPassword');
      const next = requirePassword(input.newPassword, 'newPassword');
      const accountId = ownAccount(scope);
      const record = await this.deps.credentials.findById(accountId);
      if (!record) throw new AccountNotFoundError(accountId);
      const guard = await this.deps.loginGuard.admit(record.account.email);
      if (!(await this.deps.hasher.verify(record.passwordHash, current))) {
        await guard.failed();
        throw new ValidationError(AccountErrorCode.wrongPassword, 'currentPassword', 'currentPassword is wrong');
      }
      await guard.succeeded();
      const hash = await this.deps.hasher.hash(next);
      return this.openSession(await this.deps.credentials.changePassword(accountId, hash, this.now(), actorOf(caller)));
    });
  }

  /** Admin only: gives an account another role; its tokens issued before stop working everywhere. */
  setRole(caller: Caller, input: AccountOperations['setAccountRole']['input']): Promise<Account> {
    return this.deps.hooks.run('setAccountRole', caller, input, async (input) => {
      const accountId = parseId(input.id, 'id', AccountErrorCode.invalidId);
      return this.deps.credentials.changeRole(accountId, requireRole(input.role), this.now(), actorOf(caller));
    });
  }

  /** The public keys access tokens are signed with. */
  jwks(caller: Caller): Promise<Jwks> {
    return this.deps.hooks.run('getJwks', caller, {}, () => this.deps.jwks());
  }

  private async openSession(record: SignInRecord): Promise<Session> {
    const refreshToken = newRefreshToken();
    const now = this.now();
    await this.deps.credentials.startSession(record.account.id, refreshTokenHash(refreshToken), expiry(now), now);
    return this.issue(record, refreshToken, now);
  }

  private async issue(record: SignInRecord, refreshToken: string, now: Date): Promise<Session> {
    const access = await this.deps.tokens.issue(record.account.id, record.account.role, tokenIssuedAt(now, record.tokensNotBefore));
    return { accessToken: access.token, refreshToken, expiresAt: access.expiresAt, account: record.account };
  }
}

function expiry(now: Date): Date {
  return new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
}

function requireRole(value: string): AccountRole {
  if (!(ROLES as readonly string[]).includes(value)) throw new ValidationError(AccountErrorCode.invalidRole, 'role', `role must be one of ${ROLES.join(', ')}`);
  return value as AccountRole;
}

/** The account an `own` rule scoped the call to (the access table gives these operations no other scope). */
function ownAccount(scope: Scope): string {
  if (scope.kind !== 'own') throw new Error('expected an own scope: check the access table');
  return scope.accountId;
}
