import { unary, type ServiceRegistration } from '@shop/grpc-kit';
import { scopeFor } from '@shop/hooks';
import type { Caller } from '@shop/identity';
import type { Logger } from '@shop/logger';
import type { VersionPageRequest } from '@shop/pagination';
import { loadPackageDefinition, protoFiles, toGrpcObject, toHistoryEntryProto, type PackageDefinition } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/catalog';
import type { CatalogServiceHandlers } from '@shop/proto/generated/shop/catalog/v1/CatalogService';
import { CATALOG_ACCESS } from '../service/catalog-access.js';
import type { CatalogOperation } from '../service/catalog-operations.js';
import type { CatalogService } from '../service/catalog-service.js';
import { changesFromProto, newProductFromProto, toProto } from './catalog-proto-mapper.js';

/** The catalog proto as loaded at runtime; also what reflection serves. */
export const catalogPackageDefinition: PackageDefinition = loadPackageDefinition(protoFiles.catalog);

/** Fully qualified name of the gRPC service, as health checks and reflection name it. */
export const CATALOG_SERVICE_NAME = 'shop.catalog.v1.CatalogService';

/**
 * Maps a request whose mapping can refuse it (a missing or malformed price) only after the caller passed the
 * operation's access rule, so an anonymous caller or a customer is told that, not that its input is bad. The use
 * case applies the rule again in its hooks; the check is pure, so running it twice costs nothing.
 */
function mapAfterAccess<T>(operation: CatalogOperation, caller: Caller, map: () => T): T {
  scopeFor(CATALOG_ACCESS[operation], caller, operation);
  return map();
}

/** A history page request off the wire: the int64 version as a number, which the use case checks (a value past 2^53 is refused). */
function historyPageFromProto(request: { pageSize: number; afterVersion: string }): VersionPageRequest {
  return { pageSize: request.pageSize, afterVersion: Number(request.afterVersion) };
}

/**
 * The gRPC handlers of CatalogService: map the request (after the access rule where mapping can refuse it), call
 * the use case with the caller the interceptor verified, map the answer. Access rules and errors are decided by the
 * use cases' hooks and grpc-kit.
 */
export function catalogGrpcService(service: CatalogService, logger: Logger): ServiceRegistration {
  const handlers: CatalogServiceHandlers = {
    CreateProduct: unary(logger, async (request, caller) => ({
      product: toProto(await service.create(caller, mapAfterAccess('createProduct', caller, () => newProductFromProto(request)))),
    })),
    GetProduct: unary(logger, async (request, caller) => ({ product: toProto(await service.get(caller, request.id)) })),
    GetProducts: unary(logger, async (request, caller) => ({ products: (await service.getMany(caller, request.ids)).map(toProto) })),
    ListProducts: unary(logger, async (request, caller) => {
      const page = await service.list(caller, request.pageSize, request.pageToken);
      return { products: page.items.map(toProto), nextPageToken: page.nextPageToken ?? '' };
    }),
    SearchProducts: unary(logger, async (request, caller) => {
      const page = await service.search(caller, request.query, request.pageSize, request.pageToken);
      return { products: page.items.map(toProto), nextPageToken: page.nextPageToken ?? '' };
    }),
    UpdateProduct: unary(logger, async (request, caller) => ({
      product: toProto(await service.update(caller, request.id, mapAfterAccess('updateProduct', caller, () => changesFromProto(request)))),
    })),
    DeleteProduct: unary(logger, async (request, caller) => {
      await service.delete(caller, request.id);
      return {};
    }),
    ListHistory: unary(logger, async (request, caller) => ({
      entries: (await service.history(caller, request.aggregateId, historyPageFromProto(request))).map(toHistoryEntryProto),
    })),
    ListHistories: unary(logger, async (request, caller) => ({
      histories: (await service.histories(caller, request.aggregateIds, historyPageFromProto(request))).map((entries) => ({ entries: entries.map(toHistoryEntryProto) })),
    })),
  };
  const grpcObject = toGrpcObject<ProtoGrpcType>(catalogPackageDefinition);
  return { name: CATALOG_SERVICE_NAME, definition: grpcObject.shop.catalog.v1.CatalogService.service, implementation: handlers };
}
