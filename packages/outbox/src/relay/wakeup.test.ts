import { describe, expect, it } from '@jest/globals';
import { Wakeup } from './wakeup.js';

/** 'woke' when `waiting` ends within the current turn of the event loop (plus its promise jobs), else 'waiting'. */
function settledNow(waiting: Promise<void>): Promise<'woke' | 'waiting'> {
  return Promise.race([waiting.then(() => 'woke' as const), new Promise<'waiting'>((resolve) => setImmediate(() => resolve('waiting')))]);
}

describe('Wakeup', () => {
  it('remembers a wake that came while nobody waited: the next wait returns at once, the one after does not', async () => {
    const wakeup = new Wakeup();
    wakeup.wake(); // a NOTIFY while the relay was publishing a batch
    expect(await settledNow(wakeup.wait(60_000))).toBe('woke');
    const idle = wakeup.wait(60_000);
    expect(await settledNow(idle)).toBe('waiting');
    wakeup.wake();
    expect(await settledNow(idle)).toBe('woke');
    wakeup.stop();
  });

  it('ends a pause only on stop, and keeps a wake that came meanwhile for the next wait', async () => {
    const wakeup = new Wakeup();
    const pause = wakeup.pause(60_000);
    wakeup.wake();
    expect(await settledNow(pause)).toBe('waiting');
    wakeup.stop();
    expect(await settledNow(pause)).toBe('woke');
    expect(await settledNow(wakeup.wait(60_000))).toBe('woke'); // stopped: every wait returns at once
  });
});
