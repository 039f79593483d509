// The README's first command: installs what is missing (pnpm, the workspace's packages), then starts the shop.
// Plain Node with no dependencies, so it runs on a machine that has only Node and git.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
// Events travel on NATS JetStream; without NATS_URL the shop and its tests start Debian's nats-server.
const hasNatsServer = existsSync('/usr/sbin/nats-server') || has('nats-server');
if (!process.env.NATS_URL && !hasNatsServer) {
  if (has('apt-get') && process.getuid?.() === 0) {
    console.log('installing nats-server with apt-get');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server');
  } else {
    console.warn('nats-server is missing: install it (Debian/Ubuntu: sudo apt-get install nats-server, macOS: brew install nats-server) or set NATS_URL');
  }
}

run('pnpm install --frozen-lockfile');
const started = spawnSync('pnpm', ['start'], { cwd: root, stdio: 'inherit' });
process.exit(started.status ?? 0);
