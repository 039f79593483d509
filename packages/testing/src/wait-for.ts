import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `condition` until it holds, for things that happen after a commit (a relay publishing, a consumer
 * handling). Errors while polling count as "not yet". Fails naming `what` after `timeoutMs`: a generous bound
 * against hanging, never a speed assertion.
 */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await Promise.resolve().then(condition).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
