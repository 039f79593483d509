import type { Money } from '@shop/money';

/** Where an order is in its life. */
export type OrderStatusView = 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED';

/** One line of an order, with the product's name and price as they were when it was ordered. */
export interface OrderItemView {
  productId: string;
  productName: string;
  unitPrice: Money;
  quantity: number;
  subtotal: Money;
}

/** An order as the gateway sees it: plain data, no proto types. */
export interface OrderView {
  id: string;
  accountId: string;
  status: OrderStatusView;
  items: OrderItemView[];
  total: Money;
  createdAt: Date;
  updatedAt: Date;
}

/** One page of orders and the token of the next (undefined on the last page). */
export interface OrderPageView {
  orders: OrderView[];
  nextPageToken: string | undefined;
}

/** Input of OrderClient.create. */
export interface CreateOrderInput {
  /** Whose order it is; absent: the caller's own. */
  accountId?: string | undefined;
  items: { productId: string; quantity: number }[];
  /**
   * 1..100 characters: the same key and request within 24 hours answer the first order and create nothing, so the
   * call is retried after UNAVAILABLE. Without one it is not retried (a lost answer could mean a placed order).
   */
  idempotencyKey?: string | undefined;
}

/** One account's page request, for OrderClient.list and listForAccounts. */
export interface ListOrdersInput {
  accountId: string;
  pageSize?: number;
  pageToken?: string;
}
