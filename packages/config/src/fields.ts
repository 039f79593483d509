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
