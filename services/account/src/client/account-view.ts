import type { HistoryEntryValue } from '@shop/proto';

/** An account as other services and the gateway see it: plain data, no proto types. */
export interface AccountView {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One page of accounts and the token of the next (undefined on the last page). */
export interface AccountPageView {
  accounts: AccountView[];
  nextPageToken: string | undefined;
}

/** One change of an account, oldest first in a history; kept after the account is deleted. */
export type HistoryEntryView = HistoryEntryValue;
