// `pnpm fuzz`: the fuzz test (gateway/test/fuzz/shop-fuzz.int.test.ts) at length, through `pnpm test` so Postgres
// is found or started the same way: 10,000 cases by default (FUZZ_RUNS to change; FUZZ_SEED and FUZZ_PATH
// replay), every case sent even after a failure (FUZZ_MODE=collect), then counts by HTTP status, GraphQL
// extensions.code and gRPC status, the slowest answers, and each failure with the seed and path that replay it.
// Exits non-zero when any case failed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=shop-src', join(root, 'scripts', 'test.ts'), 'gateway/test/fuzz/shop-fuzz.int.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000', FUZZ_MODE: process.env.FUZZ_MODE ?? 'collect' },
});
process.exit(run.status ?? 1);
