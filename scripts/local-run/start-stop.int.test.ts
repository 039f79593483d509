import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalNats, type LocalNats } from '@shop/nats';
import { shopTestEnv, startShop } from './shop-under-test.js';

// `pnpm start` started and stopped 20 times the way a user stops it: a signal to the whole process group (what
// Ctrl-C sends), sometimes after Postgres, NATS or a service died first. Each time every process it started must be
// gone soon after, and no run may need more than a service's grace period and margin (10 s + 5 s) plus Postgres's
// own stop. A second shop on free ports and a data directory of its own, so yours is never touched.

const CYCLES = Number(process.env.SHOP_START_STOP_CYCLES ?? 20);
const STOP_BOUND_MS = 30_000;

type Fault = 'none' | 'SIGTERM instead of SIGINT' | 'Postgres killed first' | 'NATS stopped first' | 'a service killed first';
const FAULTS: Fault[] = ['none', 'SIGTERM instead of SIGINT', 'Postgres killed first', 'NATS stopped first', 'a service killed first'];

let dataDir: string;
let natsStore: string;
let nats: LocalNats;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'shop-start-'));
  // As root, the embedded Postgres runs as the postgres user, which must reach its data directory inside.
  chmodSync(dataDir, 0o755);
  natsStore = mkdtempSync(join(tmpdir(), 'shop-start-nats-'));
  nats = await startLocalNats(natsStore);
  env = await shopTestEnv(dataDir, nats.url);
}, 60_000);

afterAll(async () => {
  await nats.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(natsStore, { recursive: true, force: true });
});

/** Every process descending from `pid`, as `ps` sees them now (the services run in process groups of their own). */
function descendants(pid: number): { pid: number; command: string }[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), command: match[3]! }));
  const found: { pid: number; command: string }[] = [];
  const walk = (parent: number) => {
    for (const row of rows.filter((candidate) => candidate.ppid === parent)) {
      found.push({ pid: row.pid, command: row.command });
      walk(row.pid);
    }
  };
  walk(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function injectFault(fault: Fault, processes: { pid: number; command: string }[]): Promise<void> {
  if (fault === 'Postgres killed first') {
    const postmaster = processes.find((entry) => /\/postgres\s+-D\s/.test(entry.command));
    if (!postmaster) throw new Error('no embedded Postgres among the processes of pnpm start');
    process.kill(postmaster.pid, 'SIGKILL');
  } else if (fault === 'NATS stopped first') {
    await nats.stop();
  } else if (fault === 'a service killed first') {
    const account = processes.find((entry) => entry.command.includes('services/account/src/main.ts'));
    if (!account) throw new Error('no account service among the processes of pnpm start');
    process.kill(account.pid, 'SIGKILL');
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

describe('stopping pnpm start', () => {
  it(`leaves no process behind, ${CYCLES} times in a row, whatever stopped first`, async () => {
    const figures: string[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const fault = FAULTS[cycle % FAULTS.length]!;
      const { child, output } = await startShop(env);
      const processes = descendants(child.pid!);
      expect(processes.length).toBeGreaterThanOrEqual(5);
      await injectFault(fault, processes);
      const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      const stopped = Date.now();
      try {
        process.kill(-child.pid!, fault === 'SIGTERM instead of SIGINT' ? 'SIGTERM' : 'SIGINT');
      } catch {
        // The group is gone already: pnpm start stopped by itself after its service died.
      }
      const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), STOP_BOUND_MS).unref());
      const outcome = await Promise.race([exited.then(() => 'exited' as const), timer]);
      const took = Date.now() - stopped;
      // tsx's esbuild helpers exit when their Node process's pipe closes: give them a moment, no more.
      const started = [{ pid: child.pid!, command: 'pnpm start' }, ...processes];
      for (let waited = 0; waited < 5_000 && started.some((entry) => alive(entry.pid)); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      const leftOver = started.filter((entry) => alive(entry.pid));
      for (const entry of leftOver) process.kill(entry.pid, 'SIGKILL');
      if (fault === 'NATS stopped first') await nats.restart();
      figures.push(`${fault}: ${took} ms`);
      expect({ cycle, fault, outcome, leftOver: leftOver.map((entry) => entry.command) }).toEqual({ cycle, fault, outcome: 'exited', leftOver: [] });
      expect(output()).toContain('shop    | stopping');
    }
    process.stdout.write(`pnpm start stopped ${CYCLES} times; time from the signal to the last process gone: ${figures.join(', ')}\n`);
  }, 40 * 60_000);
});
