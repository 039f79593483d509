// `pnpm test`: finds or starts the Postgres and the NATS the tests need, runs jest over the workspace, then prints
// the one line CI counts: "N passed, N failed". Extra arguments go to jest (`pnpm test services/account`).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setupTestNats, setupTestPostgres, teardownTestServices } from '@shop/testing/run-setup';

const root = join(import.meta.dirname, '..');
// One file per run, so runs side by side do not read each other's results.
const resultsFile = join(root, '.data', `jest-results-${process.pid}.json`);

function runJest(args: string[]): Promise<number> {
  const jestBin = join(createRequire(join(root, 'package.json')).resolve('jest/package.json'), '..', 'bin', 'jest.js');
  const child = spawn(
    process.execPath,
    ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', jestBin, '--json', `--outputFile=${resultsFile}`, ...args],
    { cwd: root, stdio: 'inherit' },
  );
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

function countResults(exitCode: number): { passed: number; failed: number; skipped: string[] } {
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numRuntimeErrorTestSuites: number;
      testResults: { assertionResults: { status: string; fullName: string }[] }[];
    };
    // A test file that fails to load has no failed test of its own; count it as one failure.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    // A skipped test names its reason; they are listed, so a skip never passes unnoticed.
    const skipped = results.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status === 'pending').map((test) => test.fullName));
    return { passed: results.numPassedTests, failed: exitCode !== 0 && failed === 0 ? 1 : failed, skipped };
  } catch {
    return { passed: 0, failed: 1, skipped: [] };
  }
}

mkdirSync(join(root, '.data'), { recursive: true });
rmSync(resultsFile, { force: true });
async function runWithPostgres(): Promise<number> {
  try {
    await setupTestPostgres(root);
    await setupTestNats(root);
    return await runJest(process.argv.slice(2));
  } finally {
    await teardownTestServices();
  }
}

const exitCode = await runWithPostgres();
const { passed, failed, skipped } = countResults(exitCode);
rmSync(resultsFile, { force: true });
for (const name of skipped) console.log(`skipped: ${name}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
