import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `condition` until it holds; throws naming `what` after `timeoutMs` (a generous bound, not a speed test). */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
