import { ValidationError } from '@shop/errors';
import { parseId } from '@shop/ids';
import { decodeTimeIdCursor, encodeTimeIdCursor, parsePageSize, toPage, type Page } from '@shop/pagination';
import { Order } from '../domain/order.js';
import { OrderAccountNotFoundError, OrderErrorCode, OrderNotFoundError, ProductUnavailableError } from '../domain/order-errors.js';
import type { OrderHistoryEntry } from '../domain/order-events.js';
import type { AccountOrdersQuery, OrderRepository } from '../domain/order-repository.js';
import { parseOrderRequest } from '../domain/order-request.js';
import { askDependency, type AccountLookup, type ProductLookup } from './order-dependencies.js';

/** The most ids (or account pages) one batch call may ask for. */
export const MAX_BATCH = 1_000;

/** One account's page request, as the gRPC server passes it. */
export interface ListOrdersRequest {
  accountId: string;
  pageSize: number;
  pageToken: string;
}

/** The order use cases. Input is checked before any other service is called or anything is written. */
export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly accounts: AccountLookup,
    private readonly products: ProductLookup,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Checks the account and all products (one call each), snapshots names and prices, and stores a PENDING order. */
  async create(input: { accountId: string; items: { productId: string; quantity: number }[] }): Promise<Order> {
    const request = parseOrderRequest(input);
    const productIds = request.items.map((item) => item.productId);
    const [accounts, products] = await Promise.all([
      askDependency('account', () => this.accounts.getMany([request.accountId])),
      askDependency('catalog', () => this.products.getMany(productIds)),
    ]);
    if (accounts.length === 0) throw new OrderAccountNotFoundError(request.accountId);
    const byId = new Map(products.map((product) => [product.id, product]));
    const lines = request.items.map((item, index) => {
      const product = byId.get(item.productId);
      if (!product) throw new ProductUnavailableError(item.productId, `items[${index}].productId`);
      return { productId: product.id, productName: product.name, unitPrice: product.price, quantity: item.quantity };
    });
    const order = Order.place({ accountId: request.accountId, lines }, this.now());
    await this.orders.add(order);
    return order;
  }

  async get(id: string): Promise<Order> {
    const orderId = parseId(id, 'id', OrderErrorCode.invalidId);
    const order = await this.orders.get(orderId);
    if (!order) throw new OrderNotFoundError(orderId);
    return order;
  }

  /** Orders for the ids, in their order, unknown ids left out. */
  async getMany(ids: readonly string[]): Promise<Order[]> {
    if (ids.length > MAX_BATCH) throw new ValidationError(OrderErrorCode.invalidId, 'ids', `ids must hold at most ${MAX_BATCH} ids, got ${ids.length}`);
    const parsed = ids.map((id, index) => parseId(id, `ids[${index}]`, OrderErrorCode.invalidId));
    const found = new Map((await this.orders.getMany([...new Set(parsed)])).map((order) => [order.id, order]));
    return parsed.flatMap((id) => found.get(id) ?? []);
  }

  async list(request: ListOrdersRequest): Promise<Page<Order>> {
    const [page] = await this.listForAccounts([request]);
    return page!;
  }

  /** One page per request, newest first, in one storage round trip; the gateway's Account.orders batch. */
  async listForAccounts(requests: readonly ListOrdersRequest[]): Promise<Page<Order>[]> {
    if (requests.length > MAX_BATCH) throw new ValidationError(OrderErrorCode.invalidId, 'requests', `requests must hold at most ${MAX_BATCH} entries`);
    const sizes = requests.map((request) => parsePageSize(request.pageSize, 'page_size', OrderErrorCode.invalidPageSize));
    const queries: AccountOrdersQuery[] = requests.map((request, index) => ({
      accountId: parseId(request.accountId, 'accountId', OrderErrorCode.invalidId),
      limit: sizes[index]! + 1,
      after: decodeTimeIdCursor(request.pageToken, 'page_token', OrderErrorCode.invalidPageToken),
    }));
    const pages = await this.orders.listByAccounts(queries);
    return pages.map((rows, index) => toPage(rows, sizes[index]!, encodeTimeIdCursor));
  }

  /** Every change of the order, oldest first; empty for an id that never existed. */
  async history(id: string): Promise<OrderHistoryEntry[]> {
    return this.orders.history(parseId(id, 'id', OrderErrorCode.invalidId));
  }

  /** Cancels a PENDING or CONFIRMED order; FAILED_PRECONDITION for one already rejected or cancelled. */
  async cancel(id: string): Promise<Order> {
    const orderId = parseId(id, 'id', OrderErrorCode.invalidId);
    return this.orders.update(orderId, (order) => order.cancel(this.now()));
  }
}
