// The README's first command: installs what is missing (pnpm, the workspace's packages), then starts the shop.
// Plain Node with no dependencies, so it runs on a machine that has only Node and git.
import { execSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`the shop needs Node 20.19 or newer; this is Node ${process.versions.node}`);
  process.exit(1);
}

const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });

if (!has('pnpm')) {
  console.log(`installing pnpm ${pnpmVersion} with npm`);
  run(`npm install --global pnpm@${pnpmVersion}`);
}
run('pnpm install --frozen-lockfile');
const started = spawnSync('pnpm', ['start'], { cwd: root, stdio: 'inherit' });
process.exit(started.status ?? 0);
