import { describe, expect, it } from '@jest/globals';
import { UnavailableError, ValidationError } from '@shop/errors';
import { coalescingLoader, requestView } from '../src/loaders/coalescing-loader.js';

// The process-wide loader over a plain in-memory getMany that records its calls (a function standing in for the
// catalog client; the end-to-end tests run it against the real services).

interface Item {
  id: string;
  version: number;
}

function recordingStore(items: Item[], failFor: (ids: readonly string[]) => Error | undefined = () => undefined) {
  const calls: string[][] = [];
  const byId = new Map(items.map((item) => [item.id, item]));
  const getMany = async (ids: readonly string[]): Promise<Item[]> => {
    calls.push([...ids]);
    const failure = failFor(ids);
    if (failure) throw failure;
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  return { calls, byId, getMany };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('the coalescing loader', () => {
  it('answers the ids of concurrent requests with one call, each its own, and null for an unknown id', async () => {
    const store = recordingStore([{ id: 'a', version: 1 }, { id: 'b', version: 1 }]);
    const shared = coalescingLoader(store.getMany);
    // Three requests, each with its own view, asking in the same turn.
    const [first, second, third] = [requestView(shared), requestView(shared), requestView(shared)];
    const answers = await Promise.all([first.load('a'), second.load('b'), third.load('a'), third.load('nope')]);
    expect(answers).toEqual([{ id: 'a', version: 1 }, { id: 'b', version: 1 }, { id: 'a', version: 1 }, null]);
    expect(store.calls).toEqual([['a', 'b', 'nope']]);
  });

  it('keeps nothing between turns: a read after a change sees the change', async () => {
    const store = recordingStore([{ id: 'a', version: 1 }]);
    const shared = coalescingLoader(store.getMany);
    expect(await requestView(shared).load('a')).toEqual({ id: 'a', version: 1 });
    store.byId.set('a', { id: 'a', version: 2 });
    expect(await requestView(shared).load('a')).toEqual({ id: 'a', version: 2 });
    expect(store.calls).toEqual([['a'], ['a']]);
  });

  it('reads an id once within one request, however often the request asks for it', async () => {
    const store = recordingStore([{ id: 'a', version: 1 }]);
    const view = requestView(coalescingLoader(store.getMany));
    await view.load('a');
    await turn();
    await view.load('a');
    expect(store.calls).toEqual([['a']]);
  });

  it('fails only the requests that asked for an id the batch failed on; the others get their answers', async () => {
    const refusal = new ValidationError('TEST.INVALID_ID', 'ids', 'id "bad" is refused');
    const store = recordingStore([{ id: 'a', version: 1 }, { id: 'b', version: 1 }], (ids) => (ids.includes('bad') ? refusal : undefined));
    const shared = coalescingLoader(store.getMany);
    const answers = await Promise.allSettled([requestView(shared).load('a'), requestView(shared).load('bad'), requestView(shared).load('b')]);
    expect(answers).toEqual([
      { status: 'fulfilled', value: { id: 'a', version: 1 } },
      { status: 'rejected', reason: refusal },
      { status: 'fulfilled', value: { id: 'b', version: 1 } },
    ]);
    // The batch, then one call per id.
    expect(store.calls).toEqual([['a', 'bad', 'b'], ['a'], ['bad'], ['b']]);
  });

  it('fails every request with the service’s own error when the service is down, without a call per id', async () => {
    const down = new UnavailableError('TEST.UNAVAILABLE', 'catalog unavailable');
    const store = recordingStore([], () => down);
    const shared = coalescingLoader(store.getMany);
    const answers = await Promise.allSettled([requestView(shared).load('a'), requestView(shared).load('b')]);
    expect(answers).toEqual([
      { status: 'rejected', reason: down },
      { status: 'rejected', reason: down },
    ]);
    expect(store.calls).toEqual([['a', 'b']]);
  });

  it('splits more than 1,000 ids into batches of at most 1,000, the most a batch read takes', async () => {
    const ids = Array.from({ length: 2_500 }, (_, i) => `id-${i}`);
    const store = recordingStore(ids.map((id) => ({ id, version: 1 })));
    const shared = coalescingLoader(store.getMany);
    const answers = await Promise.all(ids.map((id) => requestView(shared).load(id)));
    expect(answers.map((item) => item?.id)).toEqual(ids);
    expect(store.calls.map((call) => call.length)).toEqual([1_000, 1_000, 500]);
  });
});
