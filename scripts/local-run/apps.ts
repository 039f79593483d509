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
export function localAdmin(env: NodeJS.ProcessEnv = process.env, passwordFile: string = LOCAL_ADMIN_PASSWORD_FILE): LocalAdmin {
  const email = env.ADMIN_EMAIL || LOCAL_ADMIN_EMAIL;
  return env.ADMIN_PASSWORD ? { email } : { email, passwordFile: env.ADMIN_PASSWORD_FILE || passwordFile };
}

/** The ports of a local run: each service's default, unless its own variable says otherwise (the shutdown test runs a second shop). */
export interface LocalPorts {
  account: number;
  catalog: number;
  order: number;
  gateway: number;
  /** Each app's /metrics port (METRICS_PORT): 9401, 9402, 9403 and 9400 for the gateway, unless <APP>_METRICS_PORT says otherwise. */
  metrics: Record<'account' | 'catalog' | 'order' | 'gateway', number>;
}

/** ACCOUNT_GRPC_PORT, CATALOG_GRPC_PORT, ORDER_GRPC_PORT, GATEWAY_PORT and <APP>_METRICS_PORT, or the defaults. */
export function localPorts(env: NodeJS.ProcessEnv = process.env): LocalPorts {
  const port = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    account: port('ACCOUNT_GRPC_PORT', 50051),
    catalog: port('CATALOG_GRPC_PORT', 50052),
    order: port('ORDER_GRPC_PORT', 50053),
    gateway: port('GATEWAY_PORT', 8080),
    metrics: {
      account: port('ACCOUNT_METRICS_PORT', 9401),
      catalog: port('CATALOG_METRICS_PORT', 9402),
      order: port('ORDER_METRICS_PORT', 9403),
      gateway: port('GATEWAY_METRICS_PORT', 9400),
    },
  };
}

/** The shop's services, in start order, on `ports`; the signing key under `dataDir` (the repository's .data/ by default). */
export function localApps(dataDir: string, admin: LocalAdmin, ports: LocalPorts = localPorts()): LocalApp[] {
  const accountAddress = { ACCOUNT_GRPC_ADDRESS: `127.0.0.1:${ports.account}` };
  const catalogAddress = { CATALOG_GRPC_ADDRESS: `127.0.0.1:${ports.catalog}` };
  return [
    {
      name: 'account',
      entry: 'services/account/src/main.ts',
      database: 'shop_account',
      grpcPort: ports.account,
      env: (databaseUrl) => ({
        DATABASE_URL: databaseUrl,
        ACCOUNT_GRPC_PORT: String(ports.account),
        METRICS_PORT: String(ports.metrics.account),
        // The service's own default, made absolute: the repository's .data/, whatever directory pnpm start ran in.
        JWT_PRIVATE_KEY_FILE: join(dataDir, 'account', 'jwt-private-key.json'),
        ADMIN_EMAIL: admin.email,
        ...(admin.passwordFile ? { ADMIN_PASSWORD_FILE: admin.passwordFile } : {}),
        CREATE_MISSING_SECRET_FILES: 'true',
      }),
    },
    {
      name: 'catalog',
      entry: 'services/catalog/src/main.ts',
      database: 'shop_catalog',
      grpcPort: ports.catalog,
      env: (databaseUrl) => ({ DATABASE_URL: databaseUrl, CATALOG_GRPC_PORT: String(ports.catalog), METRICS_PORT: String(ports.metrics.catalog), ...accountAddress }),
    },
    {
      name: 'order',
      entry: 'services/order/src/main.ts',
      database: 'shop_order',
      grpcPort: ports.order,
      env: (databaseUrl) => ({ DATABASE_URL: databaseUrl, ORDER_GRPC_PORT: String(ports.order), METRICS_PORT: String(ports.metrics.order), ...accountAddress, ...catalogAddress }),
    },
    {
      name: 'gateway',
      entry: 'gateway/src/main.ts',
      httpPort: ports.gateway,
      env: () => ({
        GATEWAY_PORT: String(ports.gateway),
        METRICS_PORT: String(ports.metrics.gateway),
        ...accountAddress,
        ...catalogAddress,
        ORDER_GRPC_ADDRESS: `127.0.0.1:${ports.order}`,
        // The services share this machine's cores: one gateway process serves more than one per core (pnpm bench).
        GATEWAY_WORKERS: process.env.GATEWAY_WORKERS || '1',
        // Made once and kept, so the cursors a client holds still work after a restart.
        CURSOR_SECRET_FILE: join(dataDir, 'gateway', 'cursor-secret'),
        CREATE_MISSING_SECRET_FILES: 'true',
      }),
    },
  ];
}
