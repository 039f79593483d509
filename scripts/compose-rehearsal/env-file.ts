import { existsSync, readFileSync } from 'node:fs';

/**
 * Reads a .env file as Compose does for plain lines: KEY=VALUE, `#` comments and blank lines ignored, one pair
 * of surrounding quotes removed. The rehearsal reads .env.example, so it rehearses the documented defaults.
 */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) throw new Error(`${path} not found: it lists the variables of docker-compose.yaml`);
  const values: Record<string, string> = {};
  for (const [index, raw] of readFileSync(path, 'utf8').split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) throw new Error(`${path}:${index + 1}: expected KEY=VALUE, got: ${line}`);
    values[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return values;
}
