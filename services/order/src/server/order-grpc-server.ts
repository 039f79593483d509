import { annotateCallSpan, unary, type ServiceRegistration } from '@shop/grpc-kit';
import type { Logger } from '@shop/logger';
import type { VersionPageRequest } from '@shop/pagination';
import { loadPackageDefinition, protoFiles, toGrpcObject, toHistoryEntryProto, type PackageDefinition } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/order';
import type { OrderServiceHandlers } from '@shop/proto/generated/shop/order/v1/OrderService';
import type { OrderService } from '../service/order-service.js';
import { toProto } from './order-proto-mapper.js';

/** The order proto as loaded at runtime; also what reflection serves. */
export const orderPackageDefinition: PackageDefinition = loadPackageDefinition(protoFiles.order);

/** Fully qualified name of the gRPC service, as health checks and reflection name it. */
export const ORDER_SERVICE_NAME = 'shop.order.v1.OrderService';

/** A history page request off the wire: the int64 version as a number, which the use case checks (a value past 2^53 is refused). */
function historyPageFromProto(request: { pageSize: number; afterVersion: string }): VersionPageRequest {
  return { pageSize: request.pageSize, afterVersion: Number(request.afterVersion) };
}

/**
 * The gRPC handlers of OrderService: map the request, call the use case with the caller the interceptor
 * verified, map the answer. Access rules and errors are decided by the use cases' hooks and grpc-kit.
 */
export function orderGrpcService(service: OrderService, logger: Logger): ServiceRegistration {
  const handlers: OrderServiceHandlers = {
    CreateOrder: unary(logger, async (request, caller) => {
      const order = await service.create(caller, request);
      annotateCallSpan({ 'shop.order_id': order.id });
      return { order: toProto(order) };
    }),
    GetOrder: unary(logger, async (request, caller) => ({ order: toProto(await service.get(caller, request.id)) })),
    GetOrders: unary(logger, async (request, caller) => ({ orders: (await service.getMany(caller, request.ids)).map(toProto) })),
    ListOrders: unary(logger, async (request, caller) => {
      const page = await service.list(caller, request);
      return { orders: page.items.map(toProto), nextPageToken: page.nextPageToken ?? '' };
    }),
    ListOrdersForAccounts: unary(logger, async (request, caller) => ({
      responses: (await service.listForAccounts(caller, request.requests)).map((page) => ({
        orders: page.items.map(toProto),
        nextPageToken: page.nextPageToken ?? '',
      })),
    })),
    CancelOrder: unary(logger, async (request, caller) => {
      annotateCallSpan({ 'shop.order_id': request.id });
      return { order: toProto(await service.cancel(caller, request.id)) };
    }),
    ListHistory: unary(logger, async (request, caller) => ({
      entries: (await service.history(caller, request.aggregateId, historyPageFromProto(request))).map(toHistoryEntryProto),
    })),
    ListHistories: unary(logger, async (request, caller) => ({
      histories: (await service.histories(caller, request.aggregateIds, historyPageFromProto(request))).map((entries) => ({ entries: entries.map(toHistoryEntryProto) })),
    })),
  };
  const grpcObject = toGrpcObject<ProtoGrpcType>(orderPackageDefinition);
  return { name: ORDER_SERVICE_NAME, definition: grpcObject.shop.order.v1.OrderService.service, implementation: handlers };
}
