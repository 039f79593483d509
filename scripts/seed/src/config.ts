import { loadConfig, optionalText, z } from '@shop/config';

const schema = z.object({
  ACCOUNT_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
  CATALOG_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50052'),
  ORDER_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50053'),
  // The admin the seed signs in as to create products and customers: the first admin of `pnpm start` and compose.
  ADMIN_EMAIL: z.string().trim().min(1).default('admin@shop.local'),
  // Its password; else read from ADMIN_PASSWORD_FILE, else from the file `pnpm start` keeps (.data/admin-password).
  ADMIN_PASSWORD: optionalText,
  ADMIN_PASSWORD_FILE: optionalText,
});

/** Where the seed finds the services (the defaults of `pnpm start`, or the compose service names) and the admin. */
export type SeedConfig = z.infer<typeof schema>;

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function readSeedConfig(env: NodeJS.ProcessEnv = process.env): SeedConfig {
  return loadConfig(schema, env);
}
