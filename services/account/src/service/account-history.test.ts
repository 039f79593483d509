import { beforeEach, describe, expect, it } from '@jest/globals';
import { UseCaseHooks } from '@shop/hooks';
import { accountCaller, ANONYMOUS, SYSTEM, type Caller } from '@shop/identity';
import { newId } from '@shop/ids';
import { createLogger } from '@shop/logger';
import { Account } from '../domain/account.js';
import { accountEventsWire } from '../events/account-events-wire.js';
import { AccountMemoryRepository } from '../repository/account-memory-repository.js';
import { ACCOUNT_ACCESS } from './account-access.js';
import { AccountService } from './account-service.js';

// History pages of accounts: one (ListHistory) or many in one read (ListHistories), with the access rule per id.

describe('AccountService history pages', () => {
  let clock: number;
  let accounts: AccountMemoryRepository;
  let service: AccountService;

  beforeEach(() => {
    clock = Date.parse('2026-03-01T00:00:00Z');
    accounts = new AccountMemoryRepository(accountEventsWire);
    service = new AccountService(accounts, new UseCaseHooks(ACCOUNT_ACCESS, {}, createLogger('account-history-test', 'silent')), () => new Date((clock += 1000)));
  });

  /** An account with `changes` renames after its creation: versions 1..changes + 1. */
  const anAccountWith = async (changes: number): Promise<Account> => {
    const account = Account.create({ name: 'Name 0', email: `${newId()}@example.com` }, new Date((clock += 1000)));
    await accounts.add(account, null);
    for (let n = 1; n <= changes; n += 1) await service.update(SYSTEM, account.id, { name: `Name ${n}` });
    return account;
  };
  const customer = (account: Account): Caller => accountCaller(account.id, 'CUSTOMER', Math.floor(clock / 1000), 'customer-token');
  const versions = (entries: { version: number }[]) => entries.map((entry) => entry.version);

  it('pages one history oldest first with a page size and the version to continue after', async () => {
    const account = await anAccountWith(4);
    expect(versions(await service.history(SYSTEM, account.id))).toEqual([1, 2, 3, 4, 5]);
    expect(versions(await service.history(SYSTEM, account.id, { pageSize: 2 }))).toEqual([1, 2]);
    expect(versions(await service.history(SYSTEM, account.id, { pageSize: 2, afterVersion: 2 }))).toEqual([3, 4]);
    expect(versions(await service.history(SYSTEM, account.id, { pageSize: 2, afterVersion: 4 }))).toEqual([5]);
    expect(await service.history(SYSTEM, account.id, { afterVersion: 5 })).toEqual([]);
  });

  it('answers 50 entries when no size is given', async () => {
    const account = await anAccountWith(55);
    expect(versions(await service.history(SYSTEM, account.id))).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect((await service.histories(SYSTEM, [account.id], { afterVersion: 50 })).map(versions)).toEqual([[51, 52, 53, 54, 55, 56]]);
  });

  it.each([
    [{ pageSize: 101 }, 'page_size', 'ACCOUNT.INVALID_PAGE_SIZE'],
    [{ pageSize: -1 }, 'page_size', 'ACCOUNT.INVALID_PAGE_SIZE'],
    [{ afterVersion: -1 }, 'after_version', 'ACCOUNT.INVALID_AFTER_VERSION'],
    [{ afterVersion: 2 ** 60 }, 'after_version', 'ACCOUNT.INVALID_AFTER_VERSION'],
    [{ afterVersion: 0.5 }, 'after_version', 'ACCOUNT.INVALID_AFTER_VERSION'],
  ])('refuses %p naming %s, one id or many', async (page, field, code) => {
    const account = await anAccountWith(0);
    await expect(service.history(SYSTEM, account.id, page)).rejects.toMatchObject({ field, code, kind: 'INVALID_ARGUMENT' });
    await expect(service.histories(SYSTEM, [account.id], page)).rejects.toMatchObject({ field, code, kind: 'INVALID_ARGUMENT' });
  });

  it('reads many histories in the order asked, once per occurrence, empty for unknown ids, ids in any case', async () => {
    const [a, b] = [await anAccountWith(2), await anAccountWith(0)];
    const pages = await service.histories(SYSTEM, [b.id, newId(), a.id.toUpperCase(), b.id], { pageSize: 2, afterVersion: 0 });
    expect(pages.map(versions)).toEqual([[1], [], [1, 2], [1]]);
    expect(await service.histories(SYSTEM, [])).toEqual([]);
  });

  it("gives a customer its own account's history and empty pages for other accounts", async () => {
    const [own, other] = [await anAccountWith(1), await anAccountWith(1)];
    expect((await service.histories(customer(own), [other.id, own.id])).map(versions)).toEqual([[], [1, 2]]);
    await expect(service.histories(ANONYMOUS, [own.id])).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
  });

  it('refuses more than 1,000 ids and any malformed one, naming it', async () => {
    await expect(service.histories(SYSTEM, Array.from({ length: 1_001 }, () => newId()))).rejects.toMatchObject({ field: 'ids', kind: 'INVALID_ARGUMENT' });
    await expect(service.histories(SYSTEM, [newId(), 'nope'])).rejects.toMatchObject({ field: 'ids[1]', code: 'ACCOUNT.INVALID_ID' });
  });
});
