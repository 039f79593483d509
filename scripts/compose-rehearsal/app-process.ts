import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** How a container's processes run here: its directory, its exact environment, and its user. */
export interface ContainerRuntime {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** uid/gid to run as, when the rehearsal runs as root and the image does not. */
  user?: { uid: number; gid: number };
}

/** An app started as its container's CMD: its recent output, and how docker would stop it. */
export interface AppProcess {
  name: string;
  /** Its process id, to read its memory; undefined when it could not start. */
  pid: number | undefined;
  /** The last lines it printed, for the failure report. */
  lastLines(count?: number): string[];
  /** The lines it printed that match, for evidence in the report. */
  linesMatching(pattern: RegExp): string[];
  /** Exit code once it exited, null while it runs. */
  exitCode(): number | null | undefined;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after graceMs (docker stop); resolves with how it ended. */
  stop(graceMs: number): Promise<{ code: number | null; killed: boolean }>;
}

const KEEP_LINES = 400;

/** Starts argv in the container's runtime, keeping its output for the report. */
export function startApp(name: string, argv: string[], runtime: ContainerRuntime): AppProcess {
  const child: ChildProcess = spawn(argv[0]!, argv.slice(1), {
    cwd: runtime.cwd,
    env: runtime.env,
    uid: runtime.user?.uid,
    gid: runtime.user?.gid,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (lines.length > KEEP_LINES) lines.shift();
    });
  }
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      lines.push(`could not start ${argv.join(' ')}: ${error.message}`);
      code = 127;
      resolve(code);
    });
    child.once('exit', (exitCode, signal) => {
      code = exitCode ?? (signal ? 128 : null);
      // Let the readline interfaces deliver the last lines before anyone reads them.
      setImmediate(() => resolve(code ?? null));
    });
  });
  return {
    name,
    pid: child.pid,
    lastLines: (count = 25) => lines.slice(-count),
    linesMatching: (pattern) => lines.filter((line) => pattern.test(line)),
    exitCode: () => code,
    exited,
    stop: async (graceMs) => {
      if (code !== undefined) return { code: code ?? null, killed: false };
      child.kill('SIGTERM');
      let killed = false;
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, graceMs);
      const result = await exited;
      clearTimeout(timer);
      return { code: result, killed };
    },
  };
}

/** Runs a command once (a HEALTHCHECK probe) with a timeout; true when it exits 0. */
export function runsClean(argv: string[], runtime: ContainerRuntime, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: runtime.cwd,
      env: runtime.env,
      uid: runtime.user?.uid,
      gid: runtime.user?.gid,
      stdio: 'ignore',
      timeout: timeoutMs,
    });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}
