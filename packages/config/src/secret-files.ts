import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The content of a secret file (trimmed): how a process reads a key or password kept in a file (a volume, a
 * Docker or Kubernetes secret). A missing file is made with `create(file)`'s text when `createMissing`
 * allows it (readable by its owner only, kept for the next start), and is an error otherwise.
 */
export function readSecretFile(file: string, createMissing: boolean, create: (file: string) => string): string {
  if (!existsSync(file)) {
    if (!createMissing) throw new Error(`${file} does not exist (set CREATE_MISSING_SECRET_FILES=true to make it once)`);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // 'wx': of two processes starting at once, the second fails here instead of overwriting the first's secret.
    writeFileSync(file, `${create(file)}\n`, { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
