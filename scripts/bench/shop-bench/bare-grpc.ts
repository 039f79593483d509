// The baseline of the catalog rows of `pnpm bench`: a bare grpc-js server in a process of its own, with the
// catalog's service definition, answering GetProduct with the very message the catalog answered for argv's
// product (asked once, from argv's catalog address). Prints its port, then serves until it is sent SIGTERM.
import { credentials, loadPackageDefinition as grpcObjectOf, Server, ServerCredentials, type ChannelCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
// The root package does not depend on @shop/proto; like the other benches, import it by path.
import { loadPackageDefinition, protoFiles } from '../../../proto/src/index.js';

const [catalogAddress = '', productId = ''] = process.argv.slice(2);
type CatalogStub = { GetProduct(request: { id: string }, callback: (error: Error | null, response: unknown) => void): void; close(): void };
const { CatalogService } = (grpcObjectOf(loadPackageDefinition(protoFiles.catalog)) as unknown as {
  shop: { catalog: { v1: { CatalogService: { service: ServiceDefinition } & (new (address: string, creds: ChannelCredentials) => CatalogStub) } } };
}).shop.catalog.v1;
const stub = new CatalogService(catalogAddress, credentials.createInsecure());
const answer = await new Promise<unknown>((resolve, reject) => stub.GetProduct({ id: productId }, (error, response) => (error ? reject(error) : resolve(response))));
stub.close();
const server = new Server();
server.addService(CatalogService.service, { GetProduct: (_call: unknown, callback: (error: null, response: unknown) => void) => callback(null, answer) } as UntypedServiceImplementation);
const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
process.stdout.write(`${port}\n`);
process.once('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
