import { beforeEach, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import type { Account } from '../src/domain/account.js';
import { AccountNotFoundError, EmailTakenError } from '../src/domain/account-errors.js';
import type { AccountRepository } from '../src/domain/account-repository.js';
import { anAccount } from './account-builder.js';

/**
 * The behaviour every AccountRepository must have. Run by the Postgres and the in-memory repository tests,
 * so the in-memory one used by service unit tests cannot drift from the real one.
 */
export function describeAccountRepositoryContract(name: string, makeRepository: () => Promise<AccountRepository>): void {
  describe(`AccountRepository contract: ${name}`, () => {
    let repository: AccountRepository;

    beforeEach(async () => {
      repository = await makeRepository();
    });

    const ids = (accounts: Account[]) => accounts.map((account) => account.id);

    it('adds and gets an account with every field intact', async () => {
      const account = anAccount({ name: 'Zoë 🚀 Łukasz' });
      await repository.add(account, null);
      const loaded = await repository.get(account.id);
      expect(loaded?.toState()).toEqual(account.toState());
    });

    it('answers undefined for an unknown id', async () => {
      expect(await repository.get(newId())).toBeUndefined();
    });

    it('refuses a second account with the same email in any case', async () => {
      await repository.add(anAccount({ email: 'grace@example.com' }), null);
      await expect(repository.add(anAccount({ email: 'GRACE@Example.com' }), null)).rejects.toBeInstanceOf(EmailTakenError);
    });

    it('gets many in the order asked for, leaving out unknown ids', async () => {
      const [a, b, c] = [anAccount(), anAccount(), anAccount()];
      for (const account of [a, b, c]) await repository.add(account, null);
      expect(ids(await repository.getMany([c.id, newId(), a.id, b.id]))).toEqual([c.id, a.id, b.id]);
      expect(await repository.getMany([])).toEqual([]);
    });

    it('lists newest first and continues after a cursor without repeats or gaps', async () => {
      const base = Date.now();
      const accounts = Array.from({ length: 5 }, (_, i) => anAccount({ createdAt: new Date(base + (i % 3) * 1000) }));
      for (const account of accounts) await repository.add(account, null);
      const all = await repository.list(10);
      expect(all).toHaveLength(5);
      const expected = [...accounts].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : -1));
      expect(ids(all)).toEqual(ids(expected));

      const first = await repository.list(2);
      const last = first[1]!;
      const rest = await repository.list(10, { createdAt: last.createdAt, id: last.id });
      expect([...ids(first), ...ids(rest)]).toEqual(ids(expected));
    });

    it('updates through a function and keeps the change', async () => {
      const account = anAccount();
      await repository.add(account, null);
      const later = new Date(account.createdAt.getTime() + 5_000);
      const updated = await repository.update(account.id, (current) => current.update({ name: 'Renamed' }, later), null);
      expect(updated.name).toBe('Renamed');
      expect((await repository.get(account.id))?.toState()).toEqual({ ...account.toState(), name: 'Renamed', updatedAt: later });
    });

    it('refuses an update to an email another account uses, and changes nothing', async () => {
      const taken = anAccount({ email: 'taken@example.com' });
      const account = anAccount();
      await repository.add(taken, null);
      await repository.add(account, null);
      await expect(repository.update(account.id, (current) => current.update({ name: 'X', email: 'Taken@example.com' }, new Date()), null)).rejects.toBeInstanceOf(EmailTakenError);
      expect((await repository.get(account.id))?.toState()).toEqual(account.toState());
    });

    it('lets an account change the case of its own email', async () => {
      const account = anAccount({ email: 'case@example.com' });
      await repository.add(account, null);
      const updated = await repository.update(account.id, (current) => current.update({ email: 'CASE@example.com' }, new Date()), null);
      expect(updated.email).toBe('CASE@example.com');
    });

    it('throws AccountNotFoundError when updating an unknown account', async () => {
      await expect(repository.update(newId(), (current) => current, null)).rejects.toBeInstanceOf(AccountNotFoundError);
    });

    it('records every change in the history with versions and changed fields, and keeps it after deletion', async () => {
      const account = anAccount({ name: 'Before' });
      const admin = newId();
      await repository.add(account, account.id);
      await repository.update(account.id, (current) => current.update({ name: 'After' }, new Date()), admin);
      await repository.update(account.id, (current) => current.update({ name: 'After' }, new Date()), admin);
      await repository.update(account.id, (current) => current.update({ name: 'Again', email: 'again@example.com' }, new Date()), account.id);
      await repository.delete(account.id, null);
      const history = await repository.history(account.id);
      expect(history.map((entry) => [entry.eventType, entry.version, entry.changedFields, entry.actor])).toEqual([
        ['shop.account.v1.AccountCreated', 1, ['name', 'email', 'role'], account.id],
        ['shop.account.v1.AccountUpdated', 2, ['name'], admin],
        ['shop.account.v1.AccountUpdated', 3, ['name', 'email'], account.id],
        ['shop.account.v1.AccountDeleted', 4, [], null],
      ]);
      expect(new Set(history.map((entry) => entry.eventId)).size).toBe(4);
      expect(await repository.history(newId())).toEqual([]);

      expect(await repository.history(account.id, { afterVersion: 1, limit: 2 })).toEqual(history.slice(1, 3));
      expect(await repository.history(account.id, { afterVersion: 4, limit: 50 })).toEqual([]);
      const other = anAccount();
      await repository.add(other, null);
      const pages = await repository.histories([account.id, newId(), other.id, account.id], { afterVersion: 0, limit: 1 });
      expect(pages.map((page) => page.map((entry) => entry.eventId))).toEqual([[history[0]!.eventId], [], [expect.any(String)], [history[0]!.eventId]]);
      expect(await repository.histories([], { afterVersion: 0, limit: 1 })).toEqual([]);
    });

    it('records nothing for a refused change', async () => {
      const taken = anAccount({ email: 'held@example.com' });
      const account = anAccount();
      await repository.add(taken, null);
      await repository.add(account, null);
      await expect(repository.add(anAccount({ email: 'HELD@example.com' }), null)).rejects.toBeInstanceOf(EmailTakenError);
      await expect(repository.update(account.id, (current) => current.update({ email: 'held@example.com' }, new Date()), null)).rejects.toBeInstanceOf(EmailTakenError);
      expect((await repository.history(account.id)).map((entry) => entry.version)).toEqual([1]);
    });

    it('deletes once', async () => {
      const account = anAccount();
      await repository.add(account, null);
      expect(await repository.delete(account.id, null)).toBe(true);
      expect(await repository.get(account.id)).toBeUndefined();
      expect(await repository.delete(account.id, null)).toBe(false);
    });
  });
}
