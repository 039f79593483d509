import { spawnSync } from 'node:child_process';
import type { ContainerRuntime } from './app-process.js';
import { OTEL_SDK_VARIABLES, otelVariableProblems } from './otel-variables.js';

// Run inside the deploy output with plain node (as in the container): calls the app's one read*Config export
// with the container's environment and prints the variables its schema knows.
const PROBE = `
const module = await import(new URL('dist/config.js', 'file://' + process.cwd() + '/'));
const readers = Object.entries(module).filter(([name, value]) => /^read\\w*Config$/.test(name) && typeof value === 'function');
if (readers.length !== 1) { console.log(JSON.stringify({ error: 'dist/config.js must export exactly one read...Config function' })); process.exit(0); }
try { console.log(JSON.stringify({ keys: Object.keys(readers[0][1](process.env)) })); }
catch (error) { console.log(JSON.stringify({ error: error.message })); }
`;

/** What an app's config makes of the container's environment. */
export interface ConfigCoverage {
  /** Variables its config reads that neither the compose file nor the image sets: they take their default. */
  defaulted: string[];
}

/**
 * Checks an app's configuration against its container environment without starting it: the config must accept
 * the environment (every required variable set, every value valid), and every variable docker-compose.yaml sets
 * must be one the config reads (a misspelt name would otherwise silently fall back to its default), or one of the
 * OpenTelemetry SDK's, with a value the SDK understands.
 */
export function checkConfigCoverage(service: string, composeEnv: Record<string, string>, imageEnv: Record<string, string>, runtime: ContainerRuntime): ConfigCoverage {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE], {
    cwd: runtime.cwd,
    env: runtime.env,
    uid: runtime.user?.uid,
    gid: runtime.user?.gid,
    encoding: 'utf8',
  });
  const answer = JSON.parse(result.stdout.trim().split('\n').at(-1) || '{"error":"no answer"}') as { keys?: string[]; error?: string };
  if (!answer.keys) throw new Error(`${service}: its configuration rejects the compose environment: ${answer.error ?? result.stderr}`);
  const read = new Set(answer.keys);
  // OpenTelemetry's variables are read by its SDK, not the config: known names pass, and their values are checked here.
  const unread = Object.keys(composeEnv).filter((name) => !read.has(name) && !OTEL_SDK_VARIABLES.has(name));
  if (unread.length > 0) throw new Error(`${service}: docker-compose.yaml sets ${unread.join(', ')}, which its config never reads (a misspelt name?)`);
  const otel = otelVariableProblems(composeEnv);
  if (otel.length > 0) throw new Error(`${service}: the OpenTelemetry SDK would misread its compose environment: ${otel.join('; ')}`);
  return { defaulted: answer.keys.filter((name) => !(name in composeEnv) && !(name in imageEnv)) };
}
