import { readdirSync, readFileSync } from 'node:fs';
import { childrenOf } from '../../compose-rehearsal/memory.js';

/** CPU time a process and the processes it started (the gateway's workers) have used so far, in milliseconds. */
export function processTreeCpuMs(pid: number): number {
  return processCpuMs(pid) + childrenOf(pid).reduce((sum, child) => sum + processTreeCpuMs(child), 0);
}

/**
 * CPU time (user + system) a process has used so far, in milliseconds (Linux /proc; 0 once it is gone); with
 * `reaped`, also that of its children that ended and were waited for (a Postgres server's closed backends).
 */
function processCpuMs(pid: number | string, reaped = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
    return ticks * 10; // ticks of 10 ms
  } catch {
    return 0;
  }
}

/**
 * CPU time used so far by every process running one of `commands` (postgres, nats-server), per command, in
 * milliseconds: what the shop's infrastructure spends, read beside the apps' own. A Postgres backend that ends
 * still counts: its time moves to the server process that waited for it.
 */
export function commandCpuMs(commands: readonly string[]): Record<string, number> {
  const totals = Object.fromEntries(commands.map((command) => [command, 0]));
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let command: string;
    try {
      command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (command in totals) totals[command]! += processCpuMs(pid, true);
  }
  return totals;
}

/** CPU time the whole machine has been busy so far (every core, every process: Postgres, NATS, the kernel), in milliseconds. */
export function machineBusyMs(): number {
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq) * 10;
}
