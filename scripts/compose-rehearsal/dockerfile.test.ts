import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readShopDockerfile } from './dockerfile.js';

const root = join(import.meta.dirname, '..', '..');

function dockerfile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockerfile-test-'));
  writeFileSync(join(dir, 'Dockerfile'), text);
  return join(dir, 'Dockerfile');
}

const BUILD = `FROM node:20 AS build
RUN pnpm --filter-prod "@shop/x..." run build
RUN pnpm --filter "@shop/x" deploy \\
    --prod --legacy /deploy
`;

describe('readShopDockerfile', () => {
  it('reads the deployed package and the runtime stage of the account image', () => {
    expect(readShopDockerfile(join(root, 'services/account/Dockerfile'))).toEqual({
      deployPackage: '@shop/account',
      runtime: {
        workdir: '/app',
        env: { NODE_ENV: 'production' },
        user: 'node',
        expose: [50051, 9401],
        healthcheck: { argv: ['node', 'dist/healthcheck.js'], intervalMs: 5_000, timeoutMs: 3_000, startPeriodMs: 60_000, retries: 3 },
        cmd: ['node', 'dist/main.js'],
        runs: ['mkdir -p /var/lib/shop && chown node:node /var/lib/shop && chmod 700 /var/lib/shop'],
      },
    });
  });

  it('joins continuation lines and takes HEALTHCHECK defaults from Docker', () => {
    const path = dockerfile(`${BUILD}FROM node:20\nWORKDIR /srv\nCOPY --from=build /deploy .\nHEALTHCHECK CMD ["node", "h.js"]\nCMD ["node", "m.js"]\n`);
    const read = readShopDockerfile(path);
    expect(read.deployPackage).toBe('@shop/x');
    expect(read.runtime.healthcheck).toEqual({ argv: ['node', 'h.js'], intervalMs: 30_000, timeoutMs: 30_000, startPeriodMs: 0, retries: 3 });
    rmSync(path, { force: true });
  });

  it('refuses a shell-form CMD, a runtime stage without the deploy output, and a missing file', () => {
    expect(() => readShopDockerfile(dockerfile(`${BUILD}FROM node:20\nWORKDIR /app\nCOPY --from=build /deploy .\nCMD node m.js\n`))).toThrow(/use the exec form/);
    expect(() => readShopDockerfile(dockerfile(`${BUILD}FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "m.js"]\n`))).toThrow(/must COPY --from=<build stage> \/deploy/);
    expect(() => readShopDockerfile('/nowhere/Dockerfile')).toThrow(/not found: every service with build: needs its Dockerfile/);
  });
});
