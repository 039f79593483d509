import { credentials, loadPackageDefinition, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath } from 'grpc-health-check';

type HealthClient = Client & {
  check(request: { service: string }, options: { deadline: number }, callback: (error: ServiceError | null, response?: { status: string }) => void): void;
};
type HealthConstructor = new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => HealthClient;

let healthConstructor: HealthConstructor | undefined;

function healthClientConstructor(): HealthConstructor {
  if (!healthConstructor) {
    const definition = loadSync(protoPath, { keepCase: true, enums: String, defaults: true });
    const grpcObject = loadPackageDefinition(definition) as unknown as { grpc: { health: { v1: { Health: HealthConstructor } } } };
    healthConstructor = grpcObject.grpc.health.v1.Health;
  }
  return healthConstructor;
}

/**
 * Asks a server's grpc.health.v1 service whether `service` ('' for the whole server) is SERVING.
 * Any failure (no server, timeout, NOT_SERVING) answers false: this feeds readiness, not diagnosis.
 */
export async function isServing(address: string, service = '', timeoutMs = 1_000): Promise<boolean> {
  const Health = healthClientConstructor();
  const client = new Health(address, credentials.createInsecure());
  try {
    return await new Promise<boolean>((resolve) => {
      client.check({ service }, { deadline: Date.now() + timeoutMs }, (error, response) =>
        resolve(!error && response?.status === 'SERVING'),
      );
    });
  } finally {
    client.close();
  }
}
