import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppProcess, ContainerRuntime } from './app-process.js';
import type { AppPlan } from './plan.js';
import type { Credentials } from './smoke.js';

/** The first admin as the smoke test signs in: its credentials, and where the password came from. */
export interface FirstAdmin extends Credentials {
  service: string;
  /** The file the account service made the password in (in its volume), when .env did not give one. */
  madeIn?: string;
}

/**
 * The first admin's sign-in details, as a user of `docker compose up` finds them: the email and ADMIN_PASSWORD of
 * the service that makes the admin, or else the password that service made in its volume (read here from the
 * directory standing in for that volume). Throws when no service makes one: then nobody could sign in.
 */
export function firstAdmin(apps: readonly AppPlan[], runtimes: ReadonlyMap<string, ContainerRuntime>): FirstAdmin {
  const maker = apps.find((app) => app.healthcheck && app.service.environment.ADMIN_EMAIL);
  if (!maker) throw new Error('no long-running service sets ADMIN_EMAIL, so no first admin is made and nobody can sign in');
  const env = runtimes.get(maker.service.name)!.env;
  const email = env.ADMIN_EMAIL!;
  if (env.ADMIN_PASSWORD) return { service: maker.service.name, email, password: env.ADMIN_PASSWORD };
  const file = env.ADMIN_PASSWORD_FILE;
  if (!file || !existsSync(file)) throw new Error(`${maker.service.name} made no admin password file (ADMIN_PASSWORD_FILE ${file ?? 'not set'})`);
  return { service: maker.service.name, email, password: readFileSync(file, 'utf8').trim(), madeIn: file };
}

/** The files in a secrets directory with their modes, such as "admin-password (600)"; secrets must be the owner's only. */
export function secretFiles(dir: string): string[] {
  return readdirSync(dir).map((name) => {
    const mode = statSync(join(dir, name)).mode & 0o777;
    if ((mode & 0o077) !== 0) throw new Error(`${join(dir, name)} has mode ${mode.toString(8)}: a secret must be readable by its owner only`);
    return `${name} (${mode.toString(8)})`;
  });
}

/** The line the account service logged the made password in: `docker compose logs account | grep password` must show it. */
export function passwordLogLine(process: AppProcess, password: string): string {
  const line = process.linesMatching(/password/).find((each) => each.includes(password));
  if (!line) throw new Error(`${process.name} never logged the password it made: \`docker compose logs ${process.name} | grep password\` would find nothing`);
  return line;
}

/** The ready-to-use customer login the seed printed ("sample login: ada@example.com / ..."). */
export function seededLogin(seed: AppProcess): Credentials {
  const match = seed.linesMatching(/sample login: /).map((line) => /sample login: (\S+) \/ (\S+)/.exec(line)).find(Boolean);
  if (!match) throw new Error(`${seed.name} printed no "sample login: <email> / <password>" line`);
  return { email: match[1]!, password: match[2]! };
}
