import { existsSync, readFileSync } from 'node:fs';
import type { AccountClient } from '@shop/account/client';
import { DomainError } from '@shop/errors';
import type { SeedConfig } from './config.js';
import { LOCAL_ADMIN_PASSWORD_FILE } from './local-admin.js';

/** What the seed's calls carry to act as someone: `Authorization: Bearer <access token>`. */
export interface Session {
  authorization: string;
}

/** A failure the seed explains to its user: what is missing and what to set, without a stack trace. */
export class SeedSetupError extends Error {}

const WHERE_PASSWORDS_ARE =
  '`pnpm start` keeps the password it made in .data/admin-password; `docker compose up` keeps it in the account-secrets ' +
  'volume and logs it once (docker compose logs account | grep password).';

/** The admin's password: ADMIN_PASSWORD, else the file ADMIN_PASSWORD_FILE names, else the one `pnpm start` keeps. */
export function adminPassword(config: SeedConfig): string {
  if (config.ADMIN_PASSWORD) return config.ADMIN_PASSWORD;
  const file = config.ADMIN_PASSWORD_FILE ?? LOCAL_ADMIN_PASSWORD_FILE;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new SeedSetupError(
    `no password for the admin ${config.ADMIN_EMAIL}: set ADMIN_PASSWORD (and ADMIN_EMAIL when the admin is not admin@shop.local), ` +
      `or ADMIN_PASSWORD_FILE (${file} does not exist). ${WHERE_PASSWORDS_ARE}`,
  );
}

const failureKind = (error: unknown) => (error instanceof DomainError ? error.kind : undefined);

/**
 * Signs in as the admin. The account service makes the first admin just after it reports ready, so a refused
 * login is tried once more after a moment; only once, since every failure counts towards the login throttle.
 */
export async function signInAsAdmin(accounts: AccountClient, config: SeedConfig): Promise<Session> {
  const credentials = { email: config.ADMIN_EMAIL, password: adminPassword(config) };
  const login = () => accounts.login(credentials);
  const auth = await login()
    .catch(async (error: unknown) => {
      if (failureKind(error) !== 'UNAUTHENTICATED') throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      return login();
    })
    .catch((error: unknown) => {
      if (failureKind(error) === 'UNAUTHENTICATED') {
        throw new SeedSetupError(
          `the shop refused to sign in ${config.ADMIN_EMAIL} with that password: set ADMIN_EMAIL and ADMIN_PASSWORD to the first admin's. ` +
            `${WHERE_PASSWORDS_ARE} (A password changed since is not in those files.)`,
        );
      }
      if (failureKind(error) === 'RESOURCE_EXHAUSTED') throw new SeedSetupError(`too many failed logins for ${config.ADMIN_EMAIL}: ${(error as Error).message}`);
      throw error;
    });
  if (auth.account.role !== 'ADMIN') throw new SeedSetupError(`${config.ADMIN_EMAIL} signed in, but is a ${auth.account.role}, not an ADMIN: set ADMIN_EMAIL to the first admin`);
  return { authorization: `Bearer ${auth.accessToken}` };
}

/** Signs in as a customer, for the orders it places itself. */
export async function signIn(accounts: AccountClient, email: string, password: string): Promise<Session> {
  return { authorization: `Bearer ${(await accounts.login({ email, password })).accessToken}` };
}
