import { unary, type ServiceRegistration } from '@shop/grpc-kit';
import type { Logger } from '@shop/logger';
import { loadPackageDefinition, protoFiles, toGrpcObject, toHistoryEntryProto, type PackageDefinition } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/order';
import type { OrderServiceHandlers } from '@shop/proto/generated/shop/order/v1/OrderService';
import type { OrderService } from '../service/order-service.js';
import { toProto } from './order-proto-mapper.js';

/** The order proto as loaded at runtime; also what reflection serves. */
export const orderPackageDefinition: PackageDefinition = loadPackageDefinition(protoFiles.order);

/** Fully qualified name of the gRPC service, as health checks and reflection name it. */
export const ORDER_SERVICE_NAME = 'shop.order.v1.OrderService';

/** The gRPC handlers of OrderService: map the request, call the use case, map the answer. Errors map in grpc-kit. */
export function orderGrpcService(service: OrderService, logger: Logger): ServiceRegistration {
  const handlers: OrderServiceHandlers = {
    CreateOrder: unary(logger, async (request) => ({ order: toProto(await service.create(request)) })),
    GetOrder: unary(logger, async (request) => ({ order: toProto(await service.get(request.id)) })),
    GetOrders: unary(logger, async (request) => ({ orders: (await service.getMany(request.ids)).map(toProto) })),
    ListOrders: unary(logger, async (request) => {
      const page = await service.list(request);
      return { orders: page.items.map(toProto), nextPageToken: page.nextPageToken ?? '' };
    }),
    ListOrdersForAccounts: unary(logger, async (request) => ({
      responses: (await service.listForAccounts(request.requests)).map((page) => ({
        orders: page.items.map(toProto),
        nextPageToken: page.nextPageToken ?? '',
      })),
    })),
    CancelOrder: unary(logger, async (request) => ({ order: toProto(await service.cancel(request.id)) })),
    ListHistory: unary(logger, async (request) => ({ entries: (await service.history(request.aggregateId)).map(toHistoryEntryProto) })),
  };
  const grpcObject = toGrpcObject<ProtoGrpcType>(orderPackageDefinition);
  return { name: ORDER_SERVICE_NAME, definition: grpcObject.shop.order.v1.OrderService.service, implementation: handlers };
}
