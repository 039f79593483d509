import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A process of the local run: its name and how to stop it. */
export interface RunningChild {
  name: string;
  process: ChildProcess;
  /** SIGTERM, then SIGKILL after graceMs (a service's own grace period and margin, and a second more); resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a TypeScript entry point as its own Node process, prefixing each output line with the process name. */
export function startTypeScriptProcess(name: string, entry: string, env: NodeJS.ProcessEnv, onExit: (code: number | null) => void): RunningChild {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=shop-src', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C reaches only this script, which then stops each child once, gracefully.
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${name.padEnd(8)}| ${line}\n`));
  }
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      onExit(code);
      resolve();
    }),
  );
  return {
    name,
    process: child,
    stop: async (graceMs = 16_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
