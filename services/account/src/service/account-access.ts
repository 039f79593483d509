import { access, type AccessTable } from '@shop/hooks';
import type { AccountOperation } from './account-operations.js';

/**
 * Who may call each account operation: API.md's "Identity and access" table, row for row. This is the rule the
 * service enforces (as the first before-hook of every use case) and the table its matrix tests are generated
 * from. `own` means the caller's own account; another one answers as if it did not exist.
 */
export const ACCOUNT_ACCESS: AccessTable<AccountOperation> = {
  //                          anonymous          customer     admin
  register:          access('yes',             'yes',       'yes'),
  login:             access('yes',             'yes',       'yes'),
  refreshToken:      access('yes',             'yes',       'yes'),
  getJwks:           access('yes',             'yes',       'yes'),
  getMe:             access('yes',             'own',       'own'),
  logout:            access('UNAUTHENTICATED', 'own',       'own'),
  changePassword:    access('UNAUTHENTICATED', 'own',       'own'),
  getAccount:        access('UNAUTHENTICATED', 'own',       'yes'),
  getAccounts:       access('UNAUTHENTICATED', 'own',       'yes'),
  updateAccount:     access('UNAUTHENTICATED', 'own',       'yes'),
  listHistory:       access('UNAUTHENTICATED', 'own',       'yes'),
  listHistories:     access('UNAUTHENTICATED', 'own',       'yes'),
  listAccounts:      access('UNAUTHENTICATED', 'FORBIDDEN', 'yes'),
  createAccount:     access('UNAUTHENTICATED', 'FORBIDDEN', 'yes'),
  setAccountRole:    access('UNAUTHENTICATED', 'FORBIDDEN', 'yes'),
  deleteAccount:     access('UNAUTHENTICATED', 'FORBIDDEN', 'yes'),
};
