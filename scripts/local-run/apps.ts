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

/** The shop's services, in start order; ports are the defaults of each service's config. */
export const localApps: LocalApp[] = [
  {
    name: 'account',
    entry: 'services/account/src/main.ts',
    database: 'shop_account',
    grpcPort: 50051,
    env: (databaseUrl) => ({ DATABASE_URL: databaseUrl, ACCOUNT_GRPC_PORT: '50051' }),
  },
  {
    name: 'catalog',
    entry: 'services/catalog/src/main.ts',
    database: 'shop_catalog',
    grpcPort: 50052,
    env: (databaseUrl) => ({ DATABASE_URL: databaseUrl, CATALOG_GRPC_PORT: '50052' }),
  },
  {
    name: 'order',
    entry: 'services/order/src/main.ts',
    database: 'shop_order',
    grpcPort: 50053,
    env: (databaseUrl) => ({
      DATABASE_URL: databaseUrl,
      ORDER_GRPC_PORT: '50053',
      ACCOUNT_GRPC_ADDRESS: '127.0.0.1:50051',
      CATALOG_GRPC_ADDRESS: '127.0.0.1:50052',
    }),
  },
  {
    name: 'gateway',
    entry: 'gateway/src/main.ts',
    httpPort: 8080,
    env: () => ({
      GATEWAY_PORT: '8080',
      ACCOUNT_GRPC_ADDRESS: '127.0.0.1:50051',
      CATALOG_GRPC_ADDRESS: '127.0.0.1:50052',
      ORDER_GRPC_ADDRESS: '127.0.0.1:50053',
    }),
  },
];
