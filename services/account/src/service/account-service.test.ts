import { beforeEach, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { AccountMemoryRepository } from '../repository/account-memory-repository.js';
import { AccountService } from './account-service.js';
import { accountEventsWire } from '../events/account-events-wire.js';

describe('AccountService', () => {
  let clock: number;
  let service: AccountService;

  beforeEach(() => {
    clock = Date.parse('2026-03-01T00:00:00Z');
    service = new AccountService(new AccountMemoryRepository(accountEventsWire), () => new Date((clock += 1000)));
  });

  const create = (n: number) => service.create({ name: `Customer ${n}`, email: `c${n}@example.com` });

  it('creates and gets an account', async () => {
    const created = await create(1);
    expect((await service.get(created.id)).toState()).toEqual(created.toState());
  });

  it('gets by an upper-case id too', async () => {
    const created = await create(1);
    expect((await service.get(created.id.toUpperCase())).id).toBe(created.id);
  });

  it('refuses malformed ids before touching storage', async () => {
    await expect(service.get('42')).rejects.toMatchObject({ code: 'ACCOUNT.INVALID_ID', field: 'id' });
    await expect(service.getMany([newId(), 'nope'])).rejects.toMatchObject({ field: 'ids[1]' });
  });

  it('answers NOT_FOUND for a well-formed unknown id', async () => {
    await expect(service.get(newId())).rejects.toMatchObject({ code: 'ACCOUNT.NOT_FOUND', kind: 'NOT_FOUND' });
    await expect(service.update(newId(), { name: 'X' })).rejects.toMatchObject({ code: 'ACCOUNT.NOT_FOUND' });
    await expect(service.delete(newId())).rejects.toMatchObject({ code: 'ACCOUNT.NOT_FOUND' });
  });

  it('gets many in order, once per occurrence, leaving out unknown ids', async () => {
    const [a, b] = [await create(1), await create(2)];
    const found = await service.getMany([b.id, newId(), a.id, b.id]);
    expect(found.map((account) => account.id)).toEqual([b.id, a.id, b.id]);
  });

  it('refuses more than 1000 ids in one batch', async () => {
    await expect(service.getMany(Array.from({ length: 1001 }, () => newId()))).rejects.toMatchObject({ field: 'ids' });
  });

  it('pages newest first with opaque tokens until the last page', async () => {
    for (let n = 1; n <= 5; n += 1) await create(n);
    const first = await service.list(2, '');
    const second = await service.list(2, first.nextPageToken!);
    const third = await service.list(2, second.nextPageToken!);
    expect([...first.items, ...second.items, ...third.items].map((account) => account.name)).toEqual(
      ['Customer 5', 'Customer 4', 'Customer 3', 'Customer 2', 'Customer 1'],
    );
    expect(third.nextPageToken).toBeUndefined();
  });

  it('uses 20 as the default page size and refuses sizes outside 1..100', async () => {
    for (let n = 1; n <= 21; n += 1) await create(n);
    expect((await service.list(0, '')).items).toHaveLength(20);
    await expect(service.list(101, '')).rejects.toMatchObject({ field: 'page_size', code: 'ACCOUNT.INVALID_PAGE_SIZE' });
    await expect(service.list(-1, '')).rejects.toMatchObject({ field: 'page_size' });
  });

  it.each(['garbage', Buffer.from('["x"]').toString('base64url'), Buffer.from('["not a date","0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f"]').toString('base64url')])(
    'refuses the page token %p',
    async (token) => {
      await expect(service.list(10, token)).rejects.toMatchObject({ field: 'page_token', code: 'ACCOUNT.INVALID_PAGE_TOKEN' });
    },
  );

  it('updates a field and moves updatedAt', async () => {
    const created = await create(1);
    const updated = await service.update(created.id, { email: 'new@example.com' });
    expect(updated.email).toBe('new@example.com');
    expect(updated.name).toBe(created.name);
    expect(updated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
  });

  it('refuses an email already in use, whatever its case', async () => {
    await create(1);
    await expect(service.create({ name: 'Other', email: 'C1@EXAMPLE.COM' })).rejects.toMatchObject({ code: 'ACCOUNT.EMAIL_TAKEN', kind: 'ALREADY_EXISTS', field: 'email' });
  });
});
