import { unary, type ServiceRegistration } from '@shop/grpc-kit';
import type { Logger } from '@shop/logger';
import { loadPackageDefinition, protoFiles, toGrpcObject, toHistoryEntryProto, type PackageDefinition } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/catalog';
import type { CatalogServiceHandlers } from '@shop/proto/generated/shop/catalog/v1/CatalogService';
import type { CatalogService } from '../service/catalog-service.js';
import { changesFromProto, newProductFromProto, toProto } from './catalog-proto-mapper.js';

/** The catalog proto as loaded at runtime; also what reflection serves. */
export const catalogPackageDefinition: PackageDefinition = loadPackageDefinition(protoFiles.catalog);

/** Fully qualified name of the gRPC service, as health checks and reflection name it. */
export const CATALOG_SERVICE_NAME = 'shop.catalog.v1.CatalogService';

/** The gRPC handlers of CatalogService: map the request, call the use case, map the answer. Errors map in grpc-kit. */
export function catalogGrpcService(service: CatalogService, logger: Logger): ServiceRegistration {
  const handlers: CatalogServiceHandlers = {
    CreateProduct: unary(logger, async (request) => ({ product: toProto(await service.create(newProductFromProto(request))) })),
    GetProduct: unary(logger, async (request) => ({ product: toProto(await service.get(request.id)) })),
    GetProducts: unary(logger, async (request) => ({ products: (await service.getMany(request.ids)).map(toProto) })),
    ListProducts: unary(logger, async (request) => {
      const page = await service.list(request.pageSize, request.pageToken);
      return { products: page.items.map(toProto), nextPageToken: page.nextPageToken ?? '' };
    }),
    SearchProducts: unary(logger, async (request) => {
      const page = await service.search(request.query, request.pageSize, request.pageToken);
      return { products: page.items.map(toProto), nextPageToken: page.nextPageToken ?? '' };
    }),
    UpdateProduct: unary(logger, async (request) => ({
      product: toProto(await service.update(request.id, changesFromProto(request))),
    })),
    DeleteProduct: unary(logger, async (request) => {
      await service.delete(request.id);
      return {};
    }),
    ListHistory: unary(logger, async (request) => ({ entries: (await service.history(request.aggregateId)).map(toHistoryEntryProto) })),
  };
  const grpcObject = toGrpcObject<ProtoGrpcType>(catalogPackageDefinition);
  return { name: CATALOG_SERVICE_NAME, definition: grpcObject.shop.catalog.v1.CatalogService.service, implementation: handlers };
}
