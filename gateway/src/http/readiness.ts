import { isServing } from '@shop/grpc-kit';

/** The gRPC addresses of the services the gateway depends on, by service name. */
export type ServiceAddresses = Record<'account' | 'catalog' | 'order', string>;

/** The answer of /readyz: ready only when every service answers its health check with SERVING. */
export interface Readiness {
  ready: boolean;
  services: Record<string, 'SERVING' | 'DOWN'>;
  /** The services that are not serving, for the 503 body. */
  down: string[];
}

/** Asks every service's grpc.health.v1 service at once. */
export async function checkReadiness(addresses: ServiceAddresses): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(addresses).map(async ([name, address]) => [name, (await isServing(address)) ? 'SERVING' : 'DOWN'] as const),
  );
  const down = entries.filter(([, state]) => state === 'DOWN').map(([name]) => name);
  return { ready: down.length === 0, services: Object.fromEntries(entries), down };
}
