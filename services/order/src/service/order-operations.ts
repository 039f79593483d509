import type { Page, VersionPageRequest } from '@shop/pagination';
import type { Order } from '../domain/order.js';
import type { OrderHistoryEntry } from '../domain/order-events.js';

/** One account's page request, as the gRPC server passes it. */
export interface ListOrdersRequest {
  accountId: string;
  pageSize: number;
  pageToken: string;
}

/** An order as a client asks for it; no account (or an empty one) means the caller's own. */
export interface CreateOrderRequest {
  accountId?: string | undefined;
  items: { productId: string; quantity: number }[];
  /** Makes a resend safe: the same key and request within 24 hours answer the first order. Empty or absent: none. */
  idempotencyKey?: string | undefined;
}

/**
 * Every operation of the order service with its input and result: what the access table, the hooks and the
 * matrix test are keyed by. Names are the gRPC methods', in camelCase.
 */
export type OrderOperations = {
  createOrder: { input: CreateOrderRequest; output: Order };
  getOrder: { input: { id: string }; output: Order };
  getOrders: { input: { ids: readonly string[] }; output: Order[] };
  listOrders: { input: ListOrdersRequest; output: Page<Order> };
  listOrdersForAccounts: { input: { requests: readonly ListOrdersRequest[] }; output: Page<Order>[] };
  cancelOrder: { input: { id: string }; output: Order };
  listHistory: { input: { id: string } & VersionPageRequest; output: OrderHistoryEntry[] };
  listHistories: { input: { ids: readonly string[] } & VersionPageRequest; output: OrderHistoryEntry[][] };
};

/** The name of one order operation. */
export type OrderOperation = keyof OrderOperations;
