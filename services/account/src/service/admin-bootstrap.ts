import type { Logger } from '@shop/logger';
import { Account } from '../domain/account.js';
import type { CredentialRepository } from '../domain/credentials.js';
import { requirePassword } from '../domain/password.js';
import type { PasswordHasher } from './sign-in-ports.js';

/** The first admin, as the environment names it (ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME). */
export interface FirstAdmin {
  email: string;
  password: string;
  name: string;
}

/**
 * Makes sure the first admin exists with the ADMIN role, as the system (history's actor is null): creates it
 * with the password when the email is unknown, promotes it when it is a customer, and otherwise leaves it alone.
 * An existing account's password is never reset from the environment: it may have been changed since.
 */
export async function ensureFirstAdmin(admin: FirstAdmin, deps: { credentials: CredentialRepository; hasher: PasswordHasher; logger: Logger; now?: Date }): Promise<Account> {
  const now = deps.now ?? new Date();
  const existing = await deps.credentials.findByEmail(admin.email);
  if (!existing) {
    const account = Account.create({ name: admin.name, email: admin.email, role: 'ADMIN' }, now);
    await deps.credentials.addWithPassword(account, await deps.hasher.hash(requirePassword(admin.password, 'ADMIN_PASSWORD')), null);
    deps.logger.info({ accountId: account.id }, 'first admin created');
    return account;
  }
  if (existing.account.role !== 'ADMIN') {
    const promoted = await deps.credentials.changeRole(existing.account.id, 'ADMIN', now, null);
    deps.logger.info({ accountId: promoted.id }, 'first admin: existing account given the ADMIN role');
    return promoted;
  }
  deps.logger.info({ accountId: existing.account.id }, 'first admin exists; its password is left as it is');
  return existing.account;
}
