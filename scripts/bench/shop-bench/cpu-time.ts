import { readFileSync } from 'node:fs';
import { childrenOf } from '../../compose-rehearsal/memory.js';

/** CPU time a process and the processes it started (the gateway's workers) have used so far, in milliseconds. */
export function processTreeCpuMs(pid: number): number {
  return processCpuMs(pid) + childrenOf(pid).reduce((sum, child) => sum + processTreeCpuMs(child), 0);
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux /proc; 0 once it is gone). */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime and stime, in ticks of 10 ms
  } catch {
    return 0;
  }
}

/** CPU time the whole machine has been busy so far (every core, every process: Postgres, NATS, the kernel), in milliseconds. */
export function machineBusyMs(): number {
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq) * 10;
}
