import { credentials } from '@grpc/grpc-js';
import { callUnary, CLIENT_CHANNEL_OPTIONS, DEFAULT_CALL_POLICY, int32ForWire, int64ForWire, mayRetry, type CallContext, type CallPolicy } from '@shop/grpc-kit';
import { fromHistoryEntryProto, fromMoneyProto, fromTimestamp, loadPackageDefinition, protoFiles, toGrpcObject, type HistoryEntryValue, type MoneyValue } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/order';
import type { Money__Output } from '@shop/proto/generated/shop/common/v1/Money';
import type { ListOrdersResponse__Output } from '@shop/proto/generated/shop/order/v1/ListOrdersResponse';
import type { Order__Output } from '@shop/proto/generated/shop/order/v1/Order';
import type { OrderServiceClient } from '@shop/proto/generated/shop/order/v1/OrderService';
import { ORDER_RETRIES } from './order-retries.js';
import type { CreateOrderInput, ListOrdersInput, OrderPageView, OrderStatusView, OrderView } from './order-view.js';

/** One change of an order, oldest first in a history. */
export type HistoryEntryView = HistoryEntryValue;

/** Which page of a history to read: up to `pageSize` entries (1..100, default 50) after version `afterVersion` (default 0). */
export interface HistoryPageInput {
  pageSize?: number | undefined;
  afterVersion?: number | undefined;
}

let grpcObject: ProtoGrpcType | undefined;

function orderProto(): ProtoGrpcType {
  grpcObject ??= toGrpcObject<ProtoGrpcType>(loadPackageDefinition(protoFiles.order));
  return grpcObject;
}

/**
 * The typed promise client of the order service, what the gateway imports.
 * Every call carries the caller's token from its CallContext and has a deadline (shrunk to what is left of the
 * incoming call's when made from a handler); UNAVAILABLE is retried as ORDER_RETRIES says (reads, and createOrder
 * with an idempotency key). Failures are RemoteErrors carrying the order error code.
 */
export class OrderClient {
  private constructor(
    private readonly stub: OrderServiceClient,
    private readonly policy: CallPolicy,
  ) {}

  /** Connects lazily: the first call waits for the channel, so a client can exist before the service is up. */
  static connect(address: string, policy: CallPolicy = DEFAULT_CALL_POLICY): OrderClient {
    const { OrderService } = orderProto().shop.order.v1;
    return new OrderClient(new OrderService(address, credentials.createInsecure(), CLIENT_CHANNEL_OPTIONS), policy);
  }

  async create(input: CreateOrderInput, context?: CallContext): Promise<OrderView> {
    const items = input.items.map((item, index) => ({
      productId: item.productId,
      quantity: int32ForWire(item.quantity, `items[${index}].quantity`, 'ORDER.INVALID_QUANTITY'),
    }));
    const request = { accountId: input.accountId ?? '', items, idempotencyKey: input.idempotencyKey ?? '' };
    const retry = mayRetry(ORDER_RETRIES.createOrder, request.idempotencyKey !== '');
    return fromProto((await callUnary(this.stub.createOrder.bind(this.stub), request, this.policy, context, retry)).order);
  }

  async get(id: string, context?: CallContext): Promise<OrderView> {
    return fromProto((await callUnary(this.stub.getOrder.bind(this.stub), { id }, this.policy, context, mayRetry(ORDER_RETRIES.getOrder))).order);
  }

  /** The orders with these ids in the order asked for; unknown ids are left out. One call for all. */
  async getMany(ids: readonly string[], context?: CallContext): Promise<OrderView[]> {
    return (await callUnary(this.stub.getOrders.bind(this.stub), { ids: [...ids] }, this.policy, context, mayRetry(ORDER_RETRIES.getOrders))).orders.map(fromProto);
  }

  async list(input: ListOrdersInput, context?: CallContext): Promise<OrderPageView> {
    return toPage(await callUnary(this.stub.listOrders.bind(this.stub), listRequest(input), this.policy, context, mayRetry(ORDER_RETRIES.listOrders)));
  }

  /** One page per request, in request order, in a single call (the gateway's Account.orders batch). */
  async listForAccounts(requests: readonly ListOrdersInput[], context?: CallContext): Promise<OrderPageView[]> {
    const response = await callUnary(this.stub.listOrdersForAccounts.bind(this.stub), { requests: requests.map(listRequest) }, this.policy, context, mayRetry(ORDER_RETRIES.listOrdersForAccounts));
    return response.responses.map(toPage);
  }

  async cancel(id: string, context?: CallContext): Promise<OrderView> {
    return fromProto((await callUnary(this.stub.cancelOrder.bind(this.stub), { id }, this.policy, context, mayRetry(ORDER_RETRIES.cancelOrder))).order);
  }

  /** A page of the order's changes, oldest first; a bare id asks for the first 50. */
  async history(request: string | ({ id: string } & HistoryPageInput), context?: CallContext): Promise<HistoryEntryView[]> {
    const { id, ...page } = typeof request === 'string' ? { id: request } : request;
    const response = await callUnary(this.stub.listHistory.bind(this.stub), { aggregateId: id, ...historyPageForWire(page) }, this.policy, context, mayRetry(ORDER_RETRIES.listHistory));
    return response.entries.map(fromHistoryEntryProto);
  }

  /** The same page of the history of each order, in the order of `ids`, in one call (the gateway's nested history). */
  async histories(request: { ids: readonly string[] } & HistoryPageInput, context?: CallContext): Promise<HistoryEntryView[][]> {
    const { ids, ...page } = request;
    const response = await callUnary(this.stub.listHistories.bind(this.stub), { aggregateIds: [...ids], ...historyPageForWire(page) }, this.policy, context, mayRetry(ORDER_RETRIES.listHistories));
    return response.histories.map((history) => history.entries.map(fromHistoryEntryProto));
  }

  close(): void {
    this.stub.close();
  }
}

/** A history page for the wire; a size or version the fields cannot hold is refused here, as the service would. */
function historyPageForWire(page: HistoryPageInput): { pageSize: number; afterVersion: string } {
  const afterVersion = page.afterVersion ?? 0;
  return {
    pageSize: int32ForWire(page.pageSize ?? 0, 'page_size', 'ORDER.INVALID_PAGE_SIZE'),
    // Only a whole number becomes a bigint; anything else reaches int64ForWire as it is, which refuses it.
    afterVersion: int64ForWire(Number.isSafeInteger(afterVersion) ? BigInt(afterVersion) : (afterVersion as unknown as bigint), 'after_version', 'ORDER.INVALID_AFTER_VERSION'),
  };
}

function listRequest(input: ListOrdersInput) {
  return {
    accountId: input.accountId,
    pageSize: int32ForWire(input.pageSize ?? 0, 'page_size', 'ORDER.INVALID_PAGE_SIZE'),
    pageToken: input.pageToken ?? '',
  };
}

function toPage(response: ListOrdersResponse__Output): OrderPageView {
  return { orders: response.orders.map(fromProto), nextPageToken: response.nextPageToken || undefined };
}

function money(value: Money__Output | null): MoneyValue {
  const parsed = fromMoneyProto(value);
  if (!parsed) throw new Error('order service answered with a malformed amount');
  return parsed;
}

function fromProto(order: Order__Output | null): OrderView {
  if (!order) throw new Error('order service answered without an order');
  return {
    id: order.id,
    accountId: order.accountId,
    status: order.status.replace('ORDER_STATUS_', '') as OrderStatusView,
    items: order.items.map((item) => ({
      productId: item.productId,
      productName: item.productName,
      unitPrice: money(item.unitPrice),
      quantity: item.quantity,
      subtotal: money(item.subtotal),
    })),
    total: money(order.total),
    createdAt: fromTimestamp(order.createTime),
    updatedAt: fromTimestamp(order.updateTime),
  };
}
