import type { HistoryEntryValue } from '@shop/proto';

/** An account as other services and the gateway see it: plain data, no proto types. */
export interface AccountView {
  id: string;
  name: string;
  email: string;
  role: 'CUSTOMER' | 'ADMIN';
  createdAt: Date;
  updatedAt: Date;
}

/** One page of accounts and the token of the next (undefined on the last page). */
export interface AccountPageView {
  accounts: AccountView[];
  nextPageToken: string | undefined;
}

/** A signed-in session: the access token to send, the refresh token that renews it once, and the account. */
export interface AuthView {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires. */
  expiresAt: Date;
  account: AccountView;
}

/** One change of an account, oldest first in a history; kept after the account is deleted. */
export type HistoryEntryView = HistoryEntryValue;

/** Which page of a history to read: up to `pageSize` entries (1..100, default 50) after version `afterVersion` (default 0). */
export interface HistoryPageInput {
  pageSize?: number | undefined;
  afterVersion?: number | undefined;
}
