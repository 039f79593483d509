import { consumerSettings, grpcHost, inboxOutlivesStream, loadConfig, logLevel, metricsPort, millis, port, publisherSettings, url, z } from '@shop/config';

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
    // Postgres cancels any statement of the service's pool running longer, reads and writes alike, so a stuck query
    // frees its connection. A handler's statements also stop when its call is cancelled or its deadline passes.
    DATABASE_STATEMENT_TIMEOUT_MS: millis(5_000),
    // The outbox relay publishes the catalog's events here; unreachable NATS only delays them (they wait in the outbox).
    NATS_URL: url(['nats']).default('nats://127.0.0.1:4222'),
    ...publisherSettings,
    ...consumerSettings,
    // Search goes to Elasticsearch when set (http://elasticsearch:9200), to Postgres full-text search otherwise.
    ELASTICSEARCH_URL: url(['http', 'https']).optional(),
    // The alias the search reads and the projection writes; each rebuild makes a new index behind it.
    ELASTICSEARCH_INDEX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'must be lowercase letters, digits, - and _, starting with a letter or digit')
      .default(DEFAULT_SEARCH_INDEX),
    // The cache of decoded products in front of get and getMany: at most this many products and bytes (estimated);
    // either at 0 turns it off. Other replicas' changes reach it over NATS (it serves nothing while NATS is away).
    PRODUCT_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).default(10_000),
    PRODUCT_CACHE_MAX_BYTES: z.coerce.number().int().min(0).default(32 * 1024 ** 2),
    // Prometheus's /metrics on a port of its own, on GRPC_HOST; none when unset.
    METRICS_PORT: metricsPort,
    LOG_LEVEL: logLevel,
    SHUTDOWN_GRACE_MS: millis(10_000),
  }).superRefine(inboxOutlivesStream);
}

/** The catalog service's settings, read from environment variables and validated at start. */
export type CatalogConfig = z.infer<ReturnType<typeof schema>>;

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function readCatalogConfig(env: NodeJS.ProcessEnv = process.env): CatalogConfig {
  return loadConfig(schema(env.NODE_ENV === 'production'), env);
}
