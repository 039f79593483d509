import * as protoLoader from '@grpc/proto-loader';
import * as grpc from '@grpc/grpc-js';

import { loaderOptions } from './loader-options.js';

export type { PackageDefinition } from '@grpc/proto-loader';
export { loaderOptions } from './loader-options.js';

/** Relative paths of the shop's proto files, as servers, clients and reflection name them. */
export const protoFiles = {
  account: 'shop/account/v1/account.proto',
  catalog: 'shop/catalog/v1/catalog.proto',
  order: 'shop/order/v1/order.proto',
} as const;

/** Loads a proto file with the shared options; the package definition also feeds server reflection. */
export function loadPackageDefinition(file: string): protoLoader.PackageDefinition {
  return protoLoader.loadSync(file, loaderOptions);
}

/** Turns a package definition into gRPC constructors typed by the generated ProtoGrpcType of that file. */
export function toGrpcObject<T>(definition: protoLoader.PackageDefinition): T {
  return grpc.loadPackageDefinition(definition) as unknown as T;
}

export * from './timestamp.js';
export * from './money.js';
export * from './message-codec.js';
export * from './history.js';
