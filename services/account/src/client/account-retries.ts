import type { MethodNamesOf, RetryTable } from '@shop/grpc-kit';
import type { AccountServiceHandlers } from '@shop/proto/generated/shop/account/v1/AccountService';

/**
 * Which account calls the client retries after UNAVAILABLE: reads, and createAccount, which always carries the
 * request_id the client makes once per call (the service answers a repeat with the account it made). No other
 * write: a repeated register, login, refreshToken (a reused refresh token revokes every session), logout,
 * password or role change, update or delete after a lost answer could act twice or report a false failure.
 */
export const ACCOUNT_RETRIES: RetryTable<MethodNamesOf<AccountServiceHandlers>> = {
  createAccount: 'keyed-write',
  getAccount: 'read',
  getAccounts: 'read',
  listAccounts: 'read',
  updateAccount: 'write',
  deleteAccount: 'write',
  listHistory: 'read',
  listHistories: 'read',
  register: 'write',
  login: 'write',
  refreshToken: 'write',
  logout: 'write',
  changePassword: 'write',
  setAccountRole: 'write',
  getMe: 'read',
  getJwks: 'read',
};
