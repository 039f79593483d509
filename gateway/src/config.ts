import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { grpcHost, loadConfig, logLevel, metricsPort, millis, optionalText, port, readSecretFile, url, z } from '@shop/config';

/** A gRPC address as clients dial it: host:port. */
const grpcAddress = (defaultAddress: string) =>
  z
    .string()
    .regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/, 'must be host:port, such as 127.0.0.1:50051 or [::1]:50051')
    .default(defaultAddress);

/** A count limit such as a page size or a number of aliases: a positive integer with a default. */
const positiveCount = (defaultCount: number) => z.coerce.number().int().positive().default(defaultCount);

// What one client may ask of the gateway (README "Limits"). Every one is checked before any backend call.
const limitSettings = {
  // GraphQL, before execution: fields on the longest path, aliases per operation, lexical tokens per document
  // (while parsing), and the worst-case size of the answer (graphql/cost-limit.ts).
  GRAPHQL_MAX_DEPTH: positiveCount(12),
  GRAPHQL_MAX_ALIASES: positiveCount(15),
  GRAPHQL_MAX_TOKENS: positiveCount(1_000),
  GRAPHQL_MAX_COST: positiveCount(50_000),
  // HTTP: a body over the limit is 413; a client slower than the timeouts is disconnected; connections over the cap are closed at once.
  HTTP_MAX_BODY_BYTES: positiveCount(1024 * 1024),
  HTTP_HEADERS_TIMEOUT_MS: millis(10_000),
  HTTP_REQUEST_TIMEOUT_MS: millis(30_000),
  HTTP_MAX_CONNECTIONS: positiveCount(1_000),
};

/** The gateway's limits on one client: GraphQL before execution, and HTTP. */
export type GatewayLimits = z.infer<z.ZodObject<typeof limitSettings>>;

/** Every limit at its default, for callers of buildGatewayApp (tests, benches) that set none. */
export const DEFAULT_GATEWAY_LIMITS: GatewayLimits = z.object(limitSettings).parse({});

/** The limits among `settings`, each at its default where unset. */
export function gatewayLimits(settings: Partial<GatewayLimits>): GatewayLimits {
  const limits = { ...DEFAULT_GATEWAY_LIMITS };
  for (const name of Object.keys(limits) as (keyof GatewayLimits)[]) limits[name] = settings[name] ?? limits[name];
  return limits;
}

/** CORS_ORIGINS: comma-separated browser origins (scheme://host[:port]), each stored as URL.origin spells it. */
const origins = z
  .string()
  .default('')
  .transform((value, context) => {
    const list: string[] = [];
    for (const entry of value.split(',').map((item) => item.trim()).filter(Boolean)) {
      const parsed = URL.canParse(entry) ? new URL(entry) : undefined;
      const origin = parsed && parsed.pathname === '/' && !parsed.search && !parsed.hash && !parsed.username ? parsed.origin : 'null';
      if (origin === 'null') {
        context.addIssue({ code: 'custom', message: `"${entry}" is not an origin such as https://shop.example.com (scheme, host and port only)` });
        return z.NEVER;
      }
      list.push(origin);
    }
    return list;
  });

// The WebSocket (graphql-ws) and the order-status feed behind orderStatusChanged (README "Limits").
const websocketSettings = {
  // Browser origins allowed to open a WebSocket besides the gateway's own host (its Host header); others get 403.
  CORS_ORIGINS: origins,
  // A larger message closes the socket with 1009.
  WS_MAX_PAYLOAD_BYTES: positiveCount(64 * 1024),
  // Subscriptions one socket may hold at once; one more gets an error for its operation id.
  WS_MAX_SUBSCRIPTIONS: positiveCount(100),
  // A ping per socket at this interval; a socket that has not answered the previous one is dropped, freeing its subscriptions.
  WS_KEEPALIVE_MS: millis(12_000),
  // How long a socket may stay open without sending connection_init (then graphql-ws closes it with 4408).
  WS_CONNECTION_INIT_TIMEOUT_MS: millis(3_000),
  // The pause before the order-status feed starts its NATS read again after it ended or failed.
  ORDER_FEED_RESTART_DELAY_MS: millis(1_000),
};

/** The WebSocket's limits and the order-status feed's restart pause. */
export type WebSocketSettings = z.infer<z.ZodObject<typeof websocketSettings>>;

/** Every WebSocket setting at its default, for callers of buildGatewayApp (tests, benches) that set none. */
export const DEFAULT_WEBSOCKET_SETTINGS: WebSocketSettings = z.object(websocketSettings).parse({});

const schema = z.object({
  GATEWAY_PORT: port(8080),
  ACCOUNT_GRPC_ADDRESS: grpcAddress('127.0.0.1:50051'),
  CATALOG_GRPC_ADDRESS: grpcAddress('127.0.0.1:50052'),
  ORDER_GRPC_ADDRESS: grpcAddress('127.0.0.1:50053'),
  // Where order events come from for the orderStatusChanged subscription.
  NATS_URL: url(['nats']).default('nats://127.0.0.1:4222'),
  LOG_LEVEL: logLevel,
  // Prometheus's /metrics on a port of its own (never GATEWAY_PORT, which is public), on METRICS_HOST; none when unset.
  METRICS_PORT: metricsPort,
  // 127.0.0.1 outside containers; containers set 0.0.0.0 so that Prometheus reaches it on the compose network.
  METRICS_HOST: grpcHost,
  SHUTDOWN_GRACE_MS: millis(10_000),
  // Gateway processes sharing the HTTP port (node:cluster), by default one per core; 1 runs no cluster at all.
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  // The HMAC-SHA256 key every cursor is signed with, shared by all gateway instances; see withCursorSecret.
  CURSOR_SECRET: z
    .string({ error: 'is required in production: at least 32 random characters, the same for every gateway instance (see .env.example)' })
    .min(32, 'must be at least 32 characters'),
  // Where CURSOR_SECRET is kept when it is not given itself (read by withCursorSecret before validation).
  CURSOR_SECRET_FILE: optionalText,
  // "true": a missing CURSOR_SECRET_FILE is made once (by default outside production only).
  CREATE_MISSING_SECRET_FILES: z.enum(['true', 'false']).optional(),
  ...limitSettings,
  ...websocketSettings,
}).refine((config) => config.HTTP_HEADERS_TIMEOUT_MS <= config.HTTP_REQUEST_TIMEOUT_MS, {
  path: ['HTTP_HEADERS_TIMEOUT_MS'],
  message: 'must not be longer than HTTP_REQUEST_TIMEOUT_MS (node:http refuses it)',
});

/** The gateway's settings, read from environment variables and validated at start. */
export type GatewayConfig = z.infer<typeof schema>;

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(schema, withCursorSecret(env));
}

/**
 * The environment with CURSOR_SECRET as given (empty counts as unset), else read from CURSOR_SECRET_FILE (made
 * there once when CREATE_MISSING_SECRET_FILES allows: by default outside production). Outside production an unset one is made at
 * random for this start, never a fixed default: cursors then work until the gateway restarts, and one issued
 * before is BAD_USER_INPUT on `after` (a client starts from the first page again). In production nothing is made
 * up, so the schema reports it missing: several instances must share one key, or their cursors would not verify.
 */
function withCursorSecret(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const given = env.CURSOR_SECRET?.trim() ? env.CURSOR_SECRET : undefined;
  if (given !== undefined) return { ...env, CURSOR_SECRET: given };
  const file = env.CURSOR_SECRET_FILE?.trim();
  const production = env.NODE_ENV === 'production';
  if (file) {
    // Made once and kept when allowed (pnpm start, compose's own volume), so cursors survive a restart.
    const createMissing = (env.CREATE_MISSING_SECRET_FILES ?? (production ? 'false' : 'true')) === 'true';
    return { ...env, CURSOR_SECRET: readSecretFile(file, createMissing, () => randomBytes(32).toString('base64url')) };
  }
  if (production) return { ...env, CURSOR_SECRET: undefined };
  return { ...env, CURSOR_SECRET: randomBytes(32).toString('base64url') };
}
