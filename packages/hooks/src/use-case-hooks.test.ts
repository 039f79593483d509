import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { accountCaller, ANONYMOUS, SYSTEM } from '@shop/identity';
import { pino } from 'pino';
import { access, type AccessTable, type Scope } from './access-table.js';
import { UseCaseHooks, type HookLists } from './use-case-hooks.js';

type Ops = {
  createNote: { input: { text: string }; output: { id: number; text: string } };
  readNote: { input: { id: number }; output: string };
};

const TABLE: AccessTable<keyof Ops> = {
  createNote: access('UNAUTHENTICATED', 'own', 'yes'),
  readNote: access('yes', 'yes', 'yes'),
};

const customer = accountCaller('0196a1b2-0000-7000-8000-00000000000c', 'CUSTOMER', 0, 'token-c');
const admin = accountCaller('0196a1b2-0000-7000-8000-00000000000a', 'ADMIN', 0, 'token-a');

function hooksWith(lists: HookLists<Ops>) {
  const lines: string[] = [];
  const logger = pino({ level: 'error' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }));
  return { hooks: new UseCaseHooks<Ops>(TABLE, lists, logger), lines };
}

describe('UseCaseHooks', () => {
  it('applies the access rule before anything else runs, and hands the use case its scope', async () => {
    const ran: string[] = [];
    const { hooks } = hooksWith({ before: { createNote: [() => void ran.push('before')] } });
    const scopes: Scope[] = [];
    const useCase = async (input: { text: string }, scope: Scope) => {
      scopes.push(scope);
      return { id: 1, text: input.text };
    };
    await expect(hooks.run('createNote', ANONYMOUS, { text: 'x' }, useCase)).rejects.toMatchObject({ kind: 'UNAUTHENTICATED', code: 'AUTH.UNAUTHENTICATED' });
    expect(ran).toEqual([]);
    await hooks.run('createNote', customer, { text: 'x' }, useCase);
    await hooks.run('createNote', admin, { text: 'x' }, useCase);
    await hooks.run('createNote', SYSTEM, { text: 'x' }, useCase);
    expect(scopes).toEqual([{ kind: 'own', accountId: customer.accountId }, { kind: 'all' }, { kind: 'all' }]);
    expect(ran).toEqual(['before', 'before', 'before']);
  });

  it('lets before-hooks adjust the input in order, or refuse it', async () => {
    const { hooks } = hooksWith({
      before: {
        createNote: [
          ({ input }) => ({ text: input.text.trim() }),
          ({ input }) => {
            if (input.text.includes('spam')) throw new Error('refused by a hook');
          },
          ({ input, caller }) => ({ text: `${input.text} (by ${caller.kind})` }),
        ],
      },
    });
    const echo = async (input: { text: string }) => ({ id: 1, text: input.text });
    await expect(hooks.run('createNote', admin, { text: '  hello ' }, echo)).resolves.toEqual({ id: 1, text: 'hello (by admin)' });
    let reached = false;
    await expect(
      hooks.run('createNote', admin, { text: 'spam' }, async (input) => {
        reached = true;
        return { id: 2, text: input.text };
      }),
    ).rejects.toThrow('refused by a hook');
    expect(reached).toBe(false);
  });

  it('runs after-hooks with the result once the use case is done; a failing one is logged and undoes nothing', async () => {
    const seen: unknown[] = [];
    const { hooks, lines } = hooksWith({
      after: {
        createNote: [
          () => {
            throw new Error('mailer down');
          },
          (invocation, result) => void seen.push([invocation.operation, result.id]),
        ],
      },
      afterEach: [(invocation) => void seen.push(['each', invocation.operation])],
    });
    let stored = false;
    const result = await hooks.run('createNote', admin, { text: 'x' }, async () => {
      stored = true;
      return { id: 7, text: 'x' };
    });
    expect(result).toEqual({ id: 7, text: 'x' });
    expect(stored).toBe(true);
    expect(seen).toEqual([['createNote', 7], ['each', 'createNote']]);
    expect(lines.join('')).toContain('after-hook failed; the change stands');
  });

  it('runs no after-hook when the use case fails', async () => {
    const seen: string[] = [];
    const { hooks } = hooksWith({ after: { readNote: [() => void seen.push('after')] } });
    await expect(
      hooks.run('readNote', ANONYMOUS, { id: 1 }, async () => {
        throw new Error('not there');
      }),
    ).rejects.toThrow('not there');
    expect(seen).toEqual([]);
  });
});
