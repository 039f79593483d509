import { loadConfig, logLevel, millis, port, url, z } from '@shop/config';

/** A gRPC address as clients dial it: host:port. */
const grpcAddress = (defaultAddress: string) =>
  z
    .string()
    .regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/, 'must be host:port, such as 127.0.0.1:50051 or [::1]:50051')
    .default(defaultAddress);

const schema = z.object({
  GATEWAY_PORT: port(8080),
  ACCOUNT_GRPC_ADDRESS: grpcAddress('127.0.0.1:50051'),
  CATALOG_GRPC_ADDRESS: grpcAddress('127.0.0.1:50052'),
  ORDER_GRPC_ADDRESS: grpcAddress('127.0.0.1:50053'),
  // Where order events come from for the orderStatusChanged subscription.
  NATS_URL: url(['nats']).default('nats://127.0.0.1:4222'),
  LOG_LEVEL: logLevel,
  SHUTDOWN_GRACE_MS: millis(10_000),
});

/** The gateway's settings, read from environment variables and validated at start. */
export type GatewayConfig = z.infer<typeof schema>;

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(schema, env);
}
