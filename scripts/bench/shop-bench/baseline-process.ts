import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A baseline server in a process of its own: its port, its pid (for memory) and how to stop it. */
export interface BaselineProcess {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `args` with this Node and waits for the port it prints on its first line. */
export async function startBaseline(args: string[], cwd: string): Promise<BaselineProcess> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(Number(line)));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with code ${code} before it listened`)));
  });
  return {
    port,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
