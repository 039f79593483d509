// What `pnpm bench:catalog-grpc` and `pnpm bench` share for the catalog's GetProduct rows: the bare grpc-js
// baseline answering the catalog's own message, and the load run in a process of its own (catalog-grpc-load.ts).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { credentials, loadPackageDefinition as grpcObjectOf, Server, ServerCredentials, type ChannelCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
// The root package does not depend on @shop/proto; like the other benches, import it by path.
import { loadPackageDefinition, protoFiles } from '../../proto/src/index.js';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** What a load run saw (catalog-grpc-load.ts prints it as its last line). */
export interface CatalogGrpcLoadResult {
  calls: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

type CatalogStub = { GetProduct(request: { id: string }, callback: (error: Error | null, response: unknown) => void): void; close(): void };

/**
 * A bare grpc-js server with the catalog's service definition, answering GetProduct from memory with the very
 * message the catalog at `catalogAddress` answers for `productId` (asked once). Answers its port and how to stop it.
 */
export async function startCatalogEcho(catalogAddress: string, productId: string): Promise<{ port: number; stop(): void }> {
  const { CatalogService } = (grpcObjectOf(loadPackageDefinition(protoFiles.catalog)) as unknown as {
    shop: { catalog: { v1: { CatalogService: { service: ServiceDefinition } & (new (address: string, creds: ChannelCredentials) => CatalogStub) } } };
  }).shop.catalog.v1;
  const stub = new CatalogService(catalogAddress, credentials.createInsecure());
  const answer = await new Promise<unknown>((resolve, reject) => stub.GetProduct({ id: productId }, (error, response) => (error ? reject(error) : resolve(response))));
  stub.close();
  const server = new Server();
  server.addService(CatalogService.service, { GetProduct: (_call: unknown, callback: (error: null, response: unknown) => void) => callback(null, answer) } as UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  return { port, stop: () => server.forceShutdown() };
}

/** `concurrency` GetProduct calls in flight against 127.0.0.1:`port` for `seconds`, from a process of its own. */
export async function catalogGrpcLoad(port: number, productId: string, seconds: number, concurrency: number): Promise<CatalogGrpcLoadResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--conditions=shop-src', join(import.meta.dirname, 'catalog-grpc-load.ts'), `127.0.0.1:${port}`, productId, String(seconds), String(concurrency)],
    { cwd: root },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as CatalogGrpcLoadResult;
}
