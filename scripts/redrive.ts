// `pnpm redrive <catalog|order> [--list | --event <event id>]`: lists or redrives a service's dead letters (events
// its stock-saga consumer gave up on after its attempts). DATABASE_URL names the service's database when it is
// not the local default; with `pnpm start`'s embedded Postgres, pass its URL (port 54329, database shop_<service>).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const services = ['catalog', 'order'];
const [service, ...args] = process.argv.slice(2);
if (!service || !services.includes(service)) {
  console.error(`usage: pnpm redrive <${services.join('|')}> [--list | --event <event id>]`);
  process.exit(2);
}
const entry = join(import.meta.dirname, '..', 'services', service, 'src', 'redrive.ts');
const run = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=shop-src', entry, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
