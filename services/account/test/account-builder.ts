import { randomUUID } from 'node:crypto';
import { Account } from '../src/domain/account.js';

let sequence = 0;

/** Valid input for a new account; every call gets a unique email. */
export function anAccountInput(overrides: Partial<{ name: string; email: string }> = {}): { name: string; email: string } {
  sequence += 1;
  return { name: `Ada Lovelace ${sequence}`, email: `ada.${sequence}.${randomUUID().slice(0, 8)}@example.com`, ...overrides };
}

/** A valid Account created at `createdAt` (default: now). */
export function anAccount(overrides: Partial<{ name: string; email: string; createdAt: Date }> = {}): Account {
  return Account.create(anAccountInput(overrides), overrides.createdAt ?? new Date());
}

/** Valid input for `register`: a unique email and a password that passes the length rule. */
export function aRegistration(overrides: Partial<{ name: string; email: string; password: string }> = {}): { name: string; email: string; password: string } {
  return { ...anAccountInput(overrides), password: 'correct horse battery staple', ...overrides };
}
