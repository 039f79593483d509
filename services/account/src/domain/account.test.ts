import { describe, expect, it } from '@jest/globals';
import { isUuidV7 } from '@shop/ids';
import { Account } from './account.js';

const now = new Date('2026-01-02T03:04:05.678Z');

describe('Account', () => {
  it('is created with a UUIDv7 id, trimmed fields and both timestamps at creation time', () => {
    const account = Account.create({ name: '  Ada Lovelace ', email: ' Ada@Example.com ' }, now);
    expect(isUuidV7(account.id)).toBe(true);
    expect(account.toState()).toMatchObject({ name: 'Ada Lovelace', email: 'Ada@Example.com', role: 'CUSTOMER', createdAt: now, updatedAt: now });
  });

  it('is a customer unless created with another role', () => {
    expect(Account.create({ name: 'Ada', email: 'a@example.com', role: 'ADMIN' }, now).role).toBe('ADMIN');
  });

  it('accepts a name of exactly 200 characters, counting emoji as one', () => {
    expect(Account.create({ name: '😀'.repeat(200), email: 'a@example.com' }, now).name).toHaveLength(400);
  });

  it.each([
    ['an empty name', { name: '', email: 'a@example.com' }, 'name', 'ACCOUNT.INVALID_NAME'],
    ['a blank name', { name: '   ', email: 'a@example.com' }, 'name', 'ACCOUNT.INVALID_NAME'],
    ['a 201-character name', { name: 'x'.repeat(201), email: 'a@example.com' }, 'name', 'ACCOUNT.INVALID_NAME'],
    ['a name with a NUL byte', { name: 'a\u0000b', email: 'a@example.com' }, 'name', 'ACCOUNT.INVALID_NAME'],
    ['an empty email', { name: 'Ada', email: '' }, 'email', 'ACCOUNT.INVALID_EMAIL'],
    ['an email without a domain', { name: 'Ada', email: 'ada@' }, 'email', 'ACCOUNT.INVALID_EMAIL'],
  ])('refuses %s, naming the field', (_case, input, field, code) => {
    expect(() => Account.create(input, now)).toThrow(expect.objectContaining({ field, code, kind: 'INVALID_ARGUMENT' }));
  });

  it('updates only the given fields, validating them, and leaves the original as it was', () => {
    const account = Account.create({ name: 'Ada', email: 'ada@example.com' }, now);
    const later = new Date(now.getTime() + 1000);
    const renamed = account.update({ name: ' Grace ' }, later);
    expect(renamed.toState()).toEqual({ ...account.toState(), name: 'Grace', updatedAt: later });
    expect(account.name).toBe('Ada');
    expect(() => account.update({ email: 'not an email' }, later)).toThrow(expect.objectContaining({ field: 'email' }));
  });

  it('changes its role with withRole, moving only the role and updatedAt', () => {
    const account = Account.create({ name: 'Ada', email: 'ada@example.com' }, now);
    const later = new Date(now.getTime() + 1000);
    expect(account.withRole('ADMIN', later).toState()).toEqual({ ...account.toState(), role: 'ADMIN', updatedAt: later });
    expect(account.role).toBe('CUSTOMER');
  });

  it('loads stored state as it is, without re-running creation rules', () => {
    const state = { id: 'legacy-id', name: 'x'.repeat(300), email: 'legacy', role: 'ADMIN' as const, createdAt: now, updatedAt: now };
    expect(Account.fromStorage(state).toState()).toEqual(state);
  });
});
