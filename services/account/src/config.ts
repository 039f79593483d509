import { grpcHost, loadConfig, logLevel, metricsPort, millis, optionalText, port, publisherSettings, url, z } from '@shop/config';

const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/shop_account';

/** Where a local run keeps its signing key (relative to the working directory: the repository root for `pnpm start`). */
export const LOCAL_KEY_FILE = '.data/account/jwt-private-key.json';

function schema(production: boolean) {
  return z
    .object({
      NODE_ENV: z.string().default('development'),
      ACCOUNT_GRPC_PORT: port(50051),
      GRPC_HOST: grpcHost,
      // No default in production: a forgotten variable must stop the start, not point at a laptop database.
      DATABASE_URL: production ? url(['postgres', 'postgresql']) : url(['postgres', 'postgresql']).default(LOCAL_DATABASE_URL),
      // Postgres cancels any statement of the service's pool running longer, reads and writes alike, so a stuck query
      // frees its connection. A handler's statements also stop when its call is cancelled or its deadline passes.
      DATABASE_STATEMENT_TIMEOUT_MS: millis(5_000),
      // The outbox relay publishes the account's events here; unreachable NATS only delays them (they wait in the outbox).
      NATS_URL: url(['nats']).default('nats://127.0.0.1:4222'),
      ...publisherSettings,
      // The cache of decoded accounts in front of get and getMany: at most this many accounts and bytes (estimated);
      // either at 0 turns it off. Other replicas' changes reach it over NATS (it serves nothing while NATS is away).
      ACCOUNT_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).default(10_000),
      ACCOUNT_CACHE_MAX_BYTES: z.coerce.number().int().min(0).default(16 * 1024 ** 2),
      // Prometheus's /metrics on a port of its own, on GRPC_HOST; none when unset.
    METRICS_PORT: metricsPort,
    LOG_LEVEL: logLevel,
      SHUTDOWN_GRACE_MS: millis(10_000),
      // The Ed25519 key access tokens are signed with: the key itself, or a file holding it. Outside production a
      // missing file is made once; in production one of the two must be given (no secret has a default).
      JWT_PRIVATE_KEY: optionalText,
      JWT_PRIVATE_KEY_FILE: production ? optionalText : optionalText.transform((value) => value ?? LOCAL_KEY_FILE),
      // The key used before a rotation: tokens it signed keep working until they expire.
      JWT_PREVIOUS_PUBLIC_KEY: optionalText,
      // The first admin: made (or given the ADMIN role) at start when an email and a password are set. ADMIN_PASSWORD
      // wins over ADMIN_PASSWORD_FILE, as JWT_PRIVATE_KEY does over its file (compose passes the file, .env the value).
      ADMIN_EMAIL: optionalText,
      ADMIN_PASSWORD: optionalText,
      ADMIN_PASSWORD_FILE: optionalText,
      // "true": a missing JWT_PRIVATE_KEY_FILE or ADMIN_PASSWORD_FILE is made once (a new key, a random password
      // printed in the log) and kept. Outside production that is always so; in production only when asked, as
      // docker compose does with a volume of its own. Each installation gets its own secrets: none has a default.
      CREATE_MISSING_SECRET_FILES: z.enum(['true', 'false']).default(production ? 'false' : 'true').transform((value) => value === 'true'),
      ADMIN_NAME: z.string().trim().min(1).max(200).default('Admin'),
    })
    .superRefine((config, context) => {
      if (production && !config.JWT_PRIVATE_KEY && !config.JWT_PRIVATE_KEY_FILE) {
        context.addIssue({ code: 'custom', path: ['JWT_PRIVATE_KEY'], message: 'is required in production (or JWT_PRIVATE_KEY_FILE); see .env.example' });
      }
    });
}

/** The account service's settings, read from environment variables and validated at start. */
export type AccountConfig = z.infer<ReturnType<typeof schema>>;

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function readAccountConfig(env: NodeJS.ProcessEnv = process.env): AccountConfig {
  return loadConfig(schema(env.NODE_ENV === 'production'), env);
}
