import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '@shop/free-port';
import { NATS_SERVER_BINARY } from '@shop/nats';

/** A nats-server running a compose configuration file on free ports of this machine. */
export interface ConfiguredNats {
  port: number;
  monitorPort: number;
  /** The client URL for one of the file's users. */
  url(user: string, password: string): string;
  /** Lines where the server refused something: `Publish Violation - User "catalog", Subject "shop.account.x"`... */
  violations(): string[];
  /** The last lines it logged, for a failure report. */
  lastLines(count?: number): string[];
  stop(): Promise<void>;
}

const STORE_DIR = /^(\s*store_dir\s*[:=]\s*)("[^"]*"|'[^']*'|\S+)\s*$/m;
const VIOLATION = /Violation|authentication error|authorization/i;

/** The JetStream store_dir a nats-server configuration file names; throws when it names none. */
export function configuredStoreDir(configText: string, file: string): string {
  const match = STORE_DIR.exec(configText);
  if (!match) throw new Error(`${file}: JetStream needs a store_dir (jetstream { store_dir: "/data" }) on a volume`);
  return match[2]!.replace(/^["']|["']$/g, '');
}

async function healthy(monitorPort: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${monitorPort}/healthz`, { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
  return response?.status === 200;
}

/**
 * Starts nats-server with `configFile` as the container would (its variables, such as the users' passwords, from
 * `env`), but on 127.0.0.1 with a free client port and a free monitoring port, and with the file's store_dir
 * replaced by `storeDir` (nats-server refuses -sd beside a store_dir in the file, so a copy of the file is run).
 * Resolves once /healthz answers, as the compose health check waits; keeps the log to report refusals.
 */
export async function startConfiguredNats(options: { configFile: string; env: Record<string, string>; storeDir: string }): Promise<ConfiguredNats> {
  const text = readFileSync(options.configFile, 'utf8');
  configuredStoreDir(text, options.configFile);
  mkdirSync(options.storeDir, { recursive: true });
  const copyDir = mkdtempSync(join(tmpdir(), 'shop-nats-conf-'));
  const copy = join(copyDir, 'nats-server.conf');
  writeFileSync(copy, text.replace(STORE_DIR, (_line, key: string) => `${key}${JSON.stringify(options.storeDir)}`));

  const [port, monitorPort] = [await freePort(), await freePort()];
  const child = spawn(NATS_SERVER_BINARY, ['-c', copy, '-a', '127.0.0.1', '-p', String(port), '-m', String(monitorPort)], {
    env: { PATH: process.env.PATH, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (error) => lines.push(`could not start ${NATS_SERVER_BINARY}: ${error.message}`));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(copyDir, { recursive: true, force: true });
  };
  for (let waited = 0; !(await healthy(monitorPort)); waited += 100) {
    if (child.exitCode !== null || waited > 10_000) {
      await stop();
      throw new Error(`nats-server -c ${options.configFile} did not become healthy:\n${lines.slice(-10).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    monitorPort,
    url: (user, password) => `nats://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    violations: () => lines.filter((line) => VIOLATION.test(line)),
    lastLines: (count = 25) => lines.slice(-count),
    stop,
  };
}
