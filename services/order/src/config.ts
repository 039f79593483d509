import { consumerSettings, grpcHost, inboxOutlivesStream, loadConfig, logLevel, metricsPort, millis, port, publisherSettings, url, z } from '@shop/config';

const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/shop_order';

function schema(production: boolean) {
  return z.object({
    NODE_ENV: z.string().default('development'),
    ORDER_GRPC_PORT: port(50053),
    GRPC_HOST: grpcHost,
    // No default in production: a forgotten variable must stop the start, not point at a laptop database.
    DATABASE_URL: production ? url(['postgres', 'postgresql']) : url(['postgres', 'postgresql']).default(LOCAL_DATABASE_URL),
    // Postgres cancels any statement of the service's pool running longer, reads and writes alike, so a stuck query
    // frees its connection. A handler's statements also stop when its call is cancelled or its deadline passes.
    DATABASE_STATEMENT_TIMEOUT_MS: millis(5_000),
    // The account service: checks accounts of new orders, and serves the public keys tokens are checked against.
    ACCOUNT_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
    CATALOG_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50052'),
    // The outbox relay publishes the order's events here; unreachable NATS only delays them (they wait in the outbox).
    NATS_URL: url(['nats']).default('nats://127.0.0.1:4222'),
    ...publisherSettings,
    ...consumerSettings,
    // Prometheus's /metrics on a port of its own, on GRPC_HOST; none when unset.
    METRICS_PORT: metricsPort,
    LOG_LEVEL: logLevel,
    SHUTDOWN_GRACE_MS: millis(10_000),
  }).superRefine(inboxOutlivesStream);
}

/** The order service's settings, read from environment variables and validated at start. */
export type OrderConfig = z.infer<ReturnType<typeof schema>>;

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function readOrderConfig(env: NodeJS.ProcessEnv = process.env): OrderConfig {
  return loadConfig(schema(env.NODE_ENV === 'production'), env);
}
