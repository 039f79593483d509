import { isServing } from './health-check.js';

/**
 * The body of a service image's HEALTHCHECK command: exits 0 when the gRPC server on `port` of this host
 * reports SERVING (so connected and migrated), 1 otherwise. Docker reads only the exit code; the timeout stays
 * under the images' HEALTHCHECK --timeout.
 */
export async function exitWithServingStatus(port: number, timeoutMs = 2_000): Promise<never> {
  const serving = await isServing(`127.0.0.1:${port}`, '', timeoutMs);
  process.exit(serving ? 0 : 1);
}
