/** One service of the shop as the local run starts it. */
export interface LocalApp {
  name: string;
  entry: string;
  /** Database name on the local Postgres server, when the app has one. */
  database?: string;
  grpcPort?: number;
  /** Environment for the app, given the URL of its database. */
  env(databaseUrl: string | undefined): NodeJS.ProcessEnv;
}

/** The shop's services, in start order; ports are the defaults of each service's config. */
export const localApps: LocalApp[] = [
  {
    name: 'account',
    entry: 'services/account/src/main.ts',
    database: 'shop_account',
    grpcPort: 50051,
    env: (databaseUrl) => ({ DATABASE_URL: databaseUrl, ACCOUNT_GRPC_PORT: '50051' }),
  },
];
