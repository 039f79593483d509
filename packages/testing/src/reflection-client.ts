import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { credentials, loadPackageDefinition, type Client, type ClientDuplexStream } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

interface ReflectionResponse {
  listServicesResponse?: { service: { name: string }[] };
}
type ReflectionClient = Client & {
  ServerReflectionInfo(): ClientDuplexStream<{ listServices: string }, ReflectionResponse>;
};

/** Lists a server's services through gRPC server reflection (v1), as `grpcurl -plaintext HOST list` does. */
export async function listServicesByReflection(address: string): Promise<string[]> {
  const protoDir = join(dirname(createRequire(import.meta.url).resolve('@grpc/reflection/package.json')), 'build', 'proto');
  const definition = loadSync('grpc/reflection/v1/reflection.proto', { includeDirs: [protoDir], keepCase: false, defaults: true, oneofs: true });
  const grpcObject = loadPackageDefinition(definition) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => ReflectionClient } } };
  };
  const client = new grpcObject.grpc.reflection.v1.ServerReflection(address, credentials.createInsecure());
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const stream = client.ServerReflectionInfo();
      stream.on('data', (response: ReflectionResponse) => {
        resolve((response.listServicesResponse?.service ?? []).map((service) => service.name).sort());
        stream.end();
      });
      stream.on('error', reject);
      stream.write({ listServices: '' });
    });
  } finally {
    client.close();
  }
}
