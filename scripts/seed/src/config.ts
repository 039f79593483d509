import { loadConfig, z } from '@shop/config';

const schema = z.object({
  ACCOUNT_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
  CATALOG_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50052'),
  ORDER_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50053'),
});

/** Where the seed finds the services: the defaults of `pnpm start`, or the compose service names. */
export type SeedConfig = z.infer<typeof schema>;

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function readSeedConfig(env: NodeJS.ProcessEnv = process.env): SeedConfig {
  return loadConfig(schema, env);
}
