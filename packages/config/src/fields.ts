import { z } from 'zod';

/** A TCP port variable with a default for local runs. */
export function port(defaultPort: number) {
  return z.coerce.number().int().min(0).max(65535).default(defaultPort);
}

/** A URL variable such as DATABASE_URL. */
export function url(protocols: string[]) {
  return z.url().refine((value) => protocols.includes(new URL(value).protocol.replace(/:$/, '')), {
      message: `must be a ${protocols.join(' or ')} URL`,
    });
}

/** LOG_LEVEL: pino's level names. */
export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** A duration in milliseconds, such as a call deadline. */
export function millis(defaultMs: number) {
  return z.coerce.number().int().positive().default(defaultMs);
}

/**
 * GRPC_HOST: the address gRPC servers listen on. 127.0.0.1 by default, so a service started outside a container is
 * reachable only from this machine; containers set 0.0.0.0.
 */
export const grpcHost = z
  .string()
  .regex(/^(\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:.]+|[A-Za-z0-9.-]+)$/, 'must be a host name or an IP address, such as 127.0.0.1 or 0.0.0.0')
  .default('127.0.0.1');

/** A variable that may be unset; an empty value counts as unset (compose passes `VAR: ${VAR:-}` through). */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

/**
 * METRICS_PORT: where an app serves Prometheus's /metrics, on a port of its own (0 picks a free one). Unset or
 * empty: no metrics server.
 */
export const metricsPort = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.coerce.number().int().min(0).max(65535).optional(),
);
