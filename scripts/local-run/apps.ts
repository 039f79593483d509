import { join } from 'node:path';
import { LOCAL_ADMIN_EMAIL, LOCAL_ADMIN_PASSWORD_FILE } from '../seed/src/local-admin.js';

/** One service of the shop as the local run starts it. */
export interface LocalApp {
  name: string;
  entry: string;
  /** Database name on the local Postgres server, when the app has one. */
  database?: string;
  grpcPort?: number;
  /** HTTP port answering GET /readyz once the app is ready (the gateway). */
  httpPort?: number;
  /** Environment for the app, given the URL of its database. */
  env(databaseUrl: string | undefined): NodeJS.ProcessEnv;
}

/** The first admin of a local run, as `pnpm start` reports it once the shop is ready. */
export interface LocalAdmin {
  email: string;
  /** Where its password is kept, unless the user gave ADMIN_PASSWORD (then it is theirs to know). */
  passwordFile?: string;
}

/**
 * The first admin: ADMIN_EMAIL (admin@shop.local by default) with the user's ADMIN_PASSWORD, or else with the
 * password in ADMIN_PASSWORD_FILE, by default .data/admin-password, which the account service makes once
 * (CREATE_MISSING_SECRET_FILES) and which later starts and `pnpm seed` read.
 */
export function localAdmin(env: NodeJS.ProcessEnv = process.env): LocalAdmin {
  const email = env.ADMIN_EMAIL || LOCAL_ADMIN_EMAIL;
  return env.ADMIN_PASSWORD ? { email } : { email, passwordFile: env.ADMIN_PASSWORD_FILE || LOCAL_ADMIN_PASSWORD_FILE };
}

const accountAddress = { ACCOUNT_GRPC_ADDRESS: '127.0.0.1:50051' };

/** The shop's services, in start order; ports are the defaults of each service's config, paths under `root`/.data. */
export function localApps(root: string, admin: LocalAdmin): LocalApp[] {
  return [
    {
      name: 'account',
      entry: 'services/account/src/main.ts',
      database: 'shop_account',
      grpcPort: 50051,
      env: (databaseUrl) => ({
        DATABASE_URL: databaseUrl,
        ACCOUNT_GRPC_PORT: '50051',
        // The service's own default, made absolute: the repository's .data/, whatever directory pnpm start ran in.
        JWT_PRIVATE_KEY_FILE: join(root, '.data', 'account', 'jwt-private-key.json'),
        ADMIN_EMAIL: admin.email,
        ...(admin.passwordFile ? { ADMIN_PASSWORD_FILE: admin.passwordFile } : {}),
        CREATE_MISSING_SECRET_FILES: 'true',
      }),
    },
    {
      name: 'catalog',
      entry: 'services/catalog/src/main.ts',
      database: 'shop_catalog',
      grpcPort: 50052,
      env: (databaseUrl) => ({ DATABASE_URL: databaseUrl, CATALOG_GRPC_PORT: '50052', ...accountAddress }),
    },
    {
      name: 'order',
      entry: 'services/order/src/main.ts',
      database: 'shop_order',
      grpcPort: 50053,
      env: (databaseUrl) => ({ DATABASE_URL: databaseUrl, ORDER_GRPC_PORT: '50053', ...accountAddress, CATALOG_GRPC_ADDRESS: '127.0.0.1:50052' }),
    },
    {
      name: 'gateway',
      entry: 'gateway/src/main.ts',
      httpPort: 8080,
      env: () => ({
        GATEWAY_PORT: '8080',
        ...accountAddress,
        CATALOG_GRPC_ADDRESS: '127.0.0.1:50052',
        ORDER_GRPC_ADDRESS: '127.0.0.1:50053',
      }),
    },
  ];
}
