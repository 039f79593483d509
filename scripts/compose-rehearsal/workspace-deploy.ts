import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Runs pnpm in the repository; resolves with its output, rejects with the last lines of it. */
function pnpm(root: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`pnpm ${args.join(' ')} failed (exit ${code}):\n${output.split('\n').slice(-30).join('\n')}`)),
    );
  });
}

/**
 * Compiles what the images compile: each deployed package and the workspace packages it runs with, as the
 * Dockerfiles' `pnpm --filter-prod "<package>..." run build` does (one pnpm run for all of them).
 */
export async function buildForDeploy(root: string, packages: string[]): Promise<void> {
  await pnpm(root, [...packages.flatMap((name) => ['--filter-prod', `${name}...`]), 'run', 'build']);
}

/** `pnpm --filter <package> deploy --prod --legacy <target>`, as the Dockerfiles run it. */
export async function deployPackage(root: string, name: string, target: string): Promise<void> {
  await pnpm(root, ['--filter', name, 'deploy', '--prod', '--legacy', target]);
}

/** What a deploy output holds, once checked. */
export interface DeployContents {
  workspacePackages: string[];
  thirdPartyPackages: number;
}

const packageFiles = (dir: string): string[] => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { files?: string[] }).files ?? [];

function missingFiles(dir: string, label: string): string[] {
  const files = packageFiles(dir);
  const missing = files.filter((entry) => !existsSync(join(dir, entry))).map((entry) => `${label}: ${entry}`);
  if (!existsSync(join(dir, 'dist')) || readdirSync(join(dir, 'dist')).length === 0) missing.push(`${label}: dist (not built?)`);
  return [...new Set(missing)];
}

/**
 * Checks a deploy output: the package and every workspace package copied into it hold every entry of their
 * package.json `files` (dist/, migrations/...), and every other package is at a version pnpm-lock.yaml pins.
 */
export function checkDeployOutput(root: string, deployDir: string): DeployContents {
  const lock = parse(readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8')) as { packages: Record<string, unknown> };
  const locked = new Set(Object.keys(lock.packages).map((key) => key.replace(/\(.*$/, '')));
  const virtualStore = join(deployDir, 'node_modules', '.pnpm');
  const problems = missingFiles(deployDir, 'the package itself');
  const workspacePackages: string[] = [];
  let thirdPartyPackages = 0;
  for (const entry of readdirSync(virtualStore)) {
    const match = /^(@[^+]+\+)?([^@]+)@([^_]+)/.exec(entry);
    if (!match) continue;
    const name = `${match[1] ? match[1].replace('+', '/') : ''}${match[2]}`;
    if (match[3]!.startsWith('file+')) {
      workspacePackages.push(name);
      problems.push(...missingFiles(join(virtualStore, entry, 'node_modules', name), name));
    } else {
      thirdPartyPackages += 1;
      if (!locked.has(`${name}@${match[3]}`)) problems.push(`${name}@${match[3]} is not the version pnpm-lock.yaml pins`);
    }
  }
  if (problems.length > 0) throw new Error(`deploy output ${deployDir} is incomplete:\n  - ${problems.join('\n  - ')}`);
  return { workspacePackages: workspacePackages.sort(), thirdPartyPackages };
}
