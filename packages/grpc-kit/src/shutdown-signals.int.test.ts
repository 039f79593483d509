import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

// A process whose stop never ends (its database went away first, say) still exits: at the latest its grace period
// plus the margin after the signal, and at once on a second signal.

const root = join(import.meta.dirname, '..', '..', '..');

/** Starts a Node process that registers onShutdownSignal with a stop that never resolves, and says when it is ready. */
function hangingProcess(graceMs: number) {
  const script = `
    import { onShutdownSignal } from '@shop/grpc-kit';
    import { createLogger } from '@shop/logger';
    onShutdownSignal(createLogger('hanging', 'silent'), () => new Promise(() => {}), { graceMs: ${graceMs} });
    setInterval(() => {}, 1_000);
    process.stdout.write('ready\\n');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=shop-src', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  return { child, ready, exited };
}

describe('onShutdownSignal', () => {
  it('exits with 1 within the grace period and its margin when stopping hangs', async () => {
    const { child, ready, exited } = hangingProcess(200);
    await ready;
    const signalled = Date.now();
    child.kill('SIGTERM');
    const { code, at } = await exited;
    expect(code).toBe(1);
    const took = at - signalled;
    process.stdout.write(`a hanging stop with a 200 ms grace period exited ${took} ms after SIGTERM\n`);
    // Not before the grace period and its margin: the process gives its stop that long.
    expect(took).toBeGreaterThanOrEqual(5_200);
  }, 30_000);

  it('exits at once on a second signal', async () => {
    const { child, ready, exited } = hangingProcess(60_000);
    await ready;
    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGINT');
    expect((await exited).code).toBe(1);
  }, 30_000);
});
