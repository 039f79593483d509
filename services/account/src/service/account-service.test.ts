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

const logger = createLogger('account-service-test', 'silent');

describe('AccountService', () => {
  let clock: number;
  let accounts: AccountMemoryRepository;
  let service: AccountService;

  beforeEach(() => {
    clock = Date.parse('2026-03-01T00:00:00Z');
    accounts = new AccountMemoryRepository(accountEventsWire);
    service = new AccountService(accounts, new UseCaseHooks(ACCOUNT_ACCESS, {}, logger), () => new Date((clock += 1000)));
  });

  // Creating is IdentityService's (on Postgres); here accounts are stored as the system would, through the repository.
  const create = async (n: number): Promise<Account> => {
    const account = Account.create({ name: `Customer ${n}`, email: `c${n}@example.com` }, new Date((clock += 1000)));
    await accounts.add(account, null);
    return account;
  };
  const customer = (account: Account): Caller => accountCaller(account.id, 'CUSTOMER', Math.floor(clock / 1000), 'customer-token');
  const admin = (id: string = newId()): Caller => accountCaller(id, 'ADMIN', Math.floor(clock / 1000), 'admin-token');

  it('gets a stored account', async () => {
    const created = await create(1);
    expect((await service.get(SYSTEM, created.id)).toState()).toEqual(created.toState());
  });

  it('gets by an upper-case id too', async () => {
    const created = await create(1);
    expect((await service.get(SYSTEM, created.id.toUpperCase())).id).toBe(created.id);
  });

  it('refuses malformed ids before touching storage', async () => {
    await expect(service.get(SYSTEM, '42')).rejects.toMatchObject({ code: 'ACCOUNT.INVALID_ID', field: 'id' });
    await expect(service.getMany(SYSTEM, [newId(), 'nope'])).rejects.toMatchObject({ field: 'ids[1]' });
  });

  it('answers NOT_FOUND for a well-formed unknown id', async () => {
    await expect(service.get(SYSTEM, newId())).rejects.toMatchObject({ code: 'ACCOUNT.NOT_FOUND', kind: 'NOT_FOUND' });
    await expect(service.update(SYSTEM, newId(), { name: 'X' })).rejects.toMatchObject({ code: 'ACCOUNT.NOT_FOUND' });
    await expect(service.delete(SYSTEM, newId())).rejects.toMatchObject({ code: 'ACCOUNT.NOT_FOUND' });
  });

  it('gets many in order, once per occurrence, leaving out unknown ids', async () => {
    const [a, b] = [await create(1), await create(2)];
    const found = await service.getMany(SYSTEM, [b.id, newId(), a.id, b.id]);
    expect(found.map((account) => account.id)).toEqual([b.id, a.id, b.id]);
  });

  it('refuses more than 1000 ids in one batch', async () => {
    await expect(service.getMany(SYSTEM, Array.from({ length: 1001 }, () => newId()))).rejects.toMatchObject({ field: 'ids' });
  });

  it('pages newest first with opaque tokens until the last page', async () => {
    for (let n = 1; n <= 5; n += 1) await create(n);
    const first = await service.list(SYSTEM, 2, '');
    const second = await service.list(SYSTEM, 2, first.nextPageToken!);
    const third = await service.list(SYSTEM, 2, second.nextPageToken!);
    expect([...first.items, ...second.items, ...third.items].map((account) => account.name)).toEqual(
      ['Customer 5', 'Customer 4', 'Customer 3', 'Customer 2', 'Customer 1'],
    );
    expect(third.nextPageToken).toBeUndefined();
  });

  it('uses 20 as the default page size and refuses sizes outside 1..100', async () => {
    for (let n = 1; n <= 21; n += 1) await create(n);
    expect((await service.list(SYSTEM, 0, '')).items).toHaveLength(20);
    await expect(service.list(SYSTEM, 101, '')).rejects.toMatchObject({ field: 'page_size', code: 'ACCOUNT.INVALID_PAGE_SIZE' });
    await expect(service.list(SYSTEM, -1, '')).rejects.toMatchObject({ field: 'page_size' });
  });

  it.each(['garbage', Buffer.from('["x"]').toString('base64url'), Buffer.from('["not a date","0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f"]').toString('base64url')])(
    'refuses the page token %p',
    async (token) => {
      await expect(service.list(SYSTEM, 10, token)).rejects.toMatchObject({ field: 'page_token', code: 'ACCOUNT.INVALID_PAGE_TOKEN' });
    },
  );

  it('updates a field and moves updatedAt', async () => {
    const created = await create(1);
    const updated = await service.update(SYSTEM, created.id, { email: 'new@example.com' });
    expect(updated.email).toBe('new@example.com');
    expect(updated.name).toBe(created.name);
    expect(updated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
  });

  it('refuses an email already in use, whatever its case', async () => {
    await create(1);
    const other = await create(2);
    await expect(service.update(SYSTEM, other.id, { email: 'C1@EXAMPLE.COM' })).rejects.toMatchObject({ code: 'ACCOUNT.EMAIL_TAKEN', kind: 'ALREADY_EXISTS', field: 'email' });
    expect((await service.get(SYSTEM, other.id)).email).toBe('c2@example.com');
  });

  it('records who made each change: the caller, or null for the system', async () => {
    const account = await create(1);
    await service.update(customer(account), account.id, { name: 'By Myself' });
    await service.update(SYSTEM, account.id, { name: 'By The Shop' });
    const history = await service.history(SYSTEM, account.id);
    expect(history.map((entry) => [entry.eventType, entry.actor])).toEqual([
      ['shop.account.v1.AccountCreated', null],
      ['shop.account.v1.AccountUpdated', account.id],
      ['shop.account.v1.AccountUpdated', null],
    ]);
  });

  describe('access', () => {
    it('lets a customer read, change and see the history of its own account', async () => {
      const own = await create(1);
      expect((await service.get(customer(own), own.id)).id).toBe(own.id);
      expect((await service.update(customer(own), own.id, { name: 'Mine' })).name).toBe('Mine');
      expect((await service.history(customer(own), own.id)).map((entry) => entry.version)).toEqual([1, 2]);
      expect((await service.me(customer(own)))?.id).toBe(own.id);
    });

    it("answers NOT_FOUND for another customer's account on get and update, changing nothing", async () => {
      const [own, other] = [await create(1), await create(2)];
      await expect(service.get(customer(own), other.id)).rejects.toMatchObject({ code: 'ACCOUNT.NOT_FOUND', kind: 'NOT_FOUND' });
      await expect(service.update(customer(own), other.id, { name: 'Taken Over' })).rejects.toMatchObject({ code: 'ACCOUNT.NOT_FOUND', kind: 'NOT_FOUND' });
      expect((await service.get(SYSTEM, other.id)).toState()).toEqual(other.toState());
      expect(await service.history(SYSTEM, other.id)).toHaveLength(1);
    });

    it('leaves accounts of others out of a batch read', async () => {
      const [own, other] = [await create(1), await create(2)];
      const found = await service.getMany(customer(own), [other.id, own.id, other.id]);
      expect(found.map((account) => account.id)).toEqual([own.id]);
    });

    it('answers an empty history for an account of another customer', async () => {
      const [own, other] = [await create(1), await create(2)];
      expect(await service.history(customer(own), other.id)).toEqual([]);
    });

    it('lets an admin read and change any account', async () => {
      const other = await create(2);
      const adminId = newId();
      const by = admin(adminId);
      expect((await service.get(by, other.id)).id).toBe(other.id);
      expect((await service.getMany(by, [other.id])).map((account) => account.id)).toEqual([other.id]);
      await service.update(by, other.id, { name: 'Renamed By Admin' });
      expect((await service.history(by, other.id)).at(-1)).toMatchObject({ eventType: 'shop.account.v1.AccountUpdated', actor: adminId });
    });

    it('keeps listing and deleting to admins: FORBIDDEN for a customer, UNAUTHENTICATED for anonymous', async () => {
      const own = await create(1);
      await expect(service.list(customer(own), 10, '')).rejects.toMatchObject({ kind: 'PERMISSION_DENIED', code: 'AUTH.FORBIDDEN' });
      await expect(service.list(ANONYMOUS, 10, '')).rejects.toMatchObject({ kind: 'UNAUTHENTICATED', code: 'AUTH.UNAUTHENTICATED' });
      await expect(service.delete(customer(own), own.id)).rejects.toMatchObject({ kind: 'PERMISSION_DENIED' });
      expect((await service.list(admin(), 10, '')).items.map((account) => account.id)).toEqual([own.id]);
      await service.delete(admin(), own.id);
      await expect(service.get(SYSTEM, own.id)).rejects.toMatchObject({ kind: 'NOT_FOUND' });
    });

    it('refuses every account read and change to an anonymous caller, and answers it no account for me', async () => {
      const account = await create(1);
      await expect(service.get(ANONYMOUS, account.id)).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
      await expect(service.getMany(ANONYMOUS, [account.id])).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
      await expect(service.update(ANONYMOUS, account.id, { name: 'X' })).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
      await expect(service.history(ANONYMOUS, account.id)).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
      expect(await service.me(ANONYMOUS)).toBeUndefined();
    });
  });
});
