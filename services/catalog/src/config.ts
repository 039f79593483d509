import { grpcHost, loadConfig, logLevel, millis, port, url, z } from '@shop/config';

const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/shop_catalog';

/** The search index alias when ELASTICSEARCH_INDEX is not set. */
export const DEFAULT_SEARCH_INDEX = 'shop-products';

function schema(production: boolean) {
  return z.object({
    NODE_ENV: z.string().default('development'),
    CATALOG_GRPC_PORT: port(50052),
    GRPC_HOST: grpcHost,
    // The account service, whose public keys every call's access token is checked against.
    ACCOUNT_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
    // No default in production: a forgotten variable must stop the start, not point at a laptop database.
    DATABASE_URL: production ? url(['postgres', 'postgresql']) : url(['postgres', 'postgresql']).default(LOCAL_DATABASE_URL),
    // The outbox relay publishes the catalog's events here; unreachable NATS only delays them (they wait in the outbox).
    NATS_URL: url(['nats']).default('nats://127.0.0.1:4222'),
    // Search goes to Elasticsearch when set (http://elasticsearch:9200), to Postgres full-text search otherwise.
    ELASTICSEARCH_URL: url(['http', 'https']).optional(),
    // The alias the search reads and the projection writes; each rebuild makes a new index behind it.
    ELASTICSEARCH_INDEX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'must be lowercase letters, digits, - and _, starting with a letter or digit')
      .default(DEFAULT_SEARCH_INDEX),
    LOG_LEVEL: logLevel,
    SHUTDOWN_GRACE_MS: millis(10_000),
  });
}

/** The catalog service's settings, read from environment variables and validated at start. */
export type CatalogConfig = z.infer<ReturnType<typeof schema>>;

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function readCatalogConfig(env: NodeJS.ProcessEnv = process.env): CatalogConfig {
  return loadConfig(schema(env.NODE_ENV === 'production'), env);
}
