import type { Jwks } from '@shop/identity';
import type { Page, VersionPageRequest } from '@shop/pagination';
import type { Account, AccountChanges } from '../domain/account.js';
import type { AccountHistoryEntry } from '../domain/account-events.js';

/** A signed-in session as the sign-in use cases answer it. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires. */
  expiresAt: Date;
  account: Account;
}

/**
 * Every operation of the account service with its input and result: what the access table, the hooks and the
 * matrix test are keyed by. Names are the gRPC methods', in camelCase.
 */
export type AccountOperations = {
  /** requestId: set once per logical call by the client; a repeat within 24 hours answers the account it made. */
  createAccount: { input: { name: string; email: string; password?: string | undefined; role?: string | undefined; requestId?: string | undefined }; output: Account };
  getAccount: { input: { id: string }; output: Account };
  getAccounts: { input: { ids: readonly string[] }; output: Account[] };
  listAccounts: { input: { pageSize: number; pageToken: string }; output: Page<Account> };
  updateAccount: { input: { id: string; changes: AccountChanges }; output: Account };
  deleteAccount: { input: { id: string }; output: void };
  listHistory: { input: { id: string } & VersionPageRequest; output: AccountHistoryEntry[] };
  listHistories: { input: { ids: readonly string[] } & VersionPageRequest; output: AccountHistoryEntry[][] };
  register: { input: { name: string; email: string; password: string }; output: Session };
  login: { input: { email: string; password: string }; output: Session };
  refreshToken: { input: { refreshToken: string }; output: Session };
  logout: { input: { refreshToken: string }; output: boolean };
  changePassword: { input: { currentPassword: string; newPassword: string }; output: Session };
  setAccountRole: { input: { id: string; role: string }; output: Account };
  getMe: { input: Record<string, never>; output: Account | undefined };
  getJwks: { input: Record<string, never>; output: Jwks };
};

/** The name of one account operation. */
export type AccountOperation = keyof AccountOperations;
