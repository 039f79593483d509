// Original file: shop/order/v1/order.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelOrderRequest as _shop_order_v1_CancelOrderRequest, CancelOrderRequest__Output as _shop_order_v1_CancelOrderRequest__Output } from '../../../shop/order/v1/CancelOrderRequest.js';
import type { CancelOrderResponse as _shop_order_v1_CancelOrderResponse, CancelOrderResponse__Output as _shop_order_v1_CancelOrderResponse__Output } from '../../../shop/order/v1/CancelOrderResponse.js';
import type { CreateOrderRequest as _shop_order_v1_CreateOrderRequest, CreateOrderRequest__Output as _shop_order_v1_CreateOrderRequest__Output } from '../../../shop/order/v1/CreateOrderRequest.js';
import type { CreateOrderResponse as _shop_order_v1_CreateOrderResponse, CreateOrderResponse__Output as _shop_order_v1_CreateOrderResponse__Output } from '../../../shop/order/v1/CreateOrderResponse.js';
import type { GetOrderRequest as _shop_order_v1_GetOrderRequest, GetOrderRequest__Output as _shop_order_v1_GetOrderRequest__Output } from '../../../shop/order/v1/GetOrderRequest.js';
import type { GetOrderResponse as _shop_order_v1_GetOrderResponse, GetOrderResponse__Output as _shop_order_v1_GetOrderResponse__Output } from '../../../shop/order/v1/GetOrderResponse.js';
import type { GetOrdersRequest as _shop_order_v1_GetOrdersRequest, GetOrdersRequest__Output as _shop_order_v1_GetOrdersRequest__Output } from '../../../shop/order/v1/GetOrdersRequest.js';
import type { GetOrdersResponse as _shop_order_v1_GetOrdersResponse, GetOrdersResponse__Output as _shop_order_v1_GetOrdersResponse__Output } from '../../../shop/order/v1/GetOrdersResponse.js';
import type { ListHistoriesRequest as _shop_events_v1_ListHistoriesRequest, ListHistoriesRequest__Output as _shop_events_v1_ListHistoriesRequest__Output } from '../../../shop/events/v1/ListHistoriesRequest.js';
import type { ListHistoriesResponse as _shop_events_v1_ListHistoriesResponse, ListHistoriesResponse__Output as _shop_events_v1_ListHistoriesResponse__Output } from '../../../shop/events/v1/ListHistoriesResponse.js';
import type { ListHistoryRequest as _shop_events_v1_ListHistoryRequest, ListHistoryRequest__Output as _shop_events_v1_ListHistoryRequest__Output } from '../../../shop/events/v1/ListHistoryRequest.js';
import type { ListHistoryResponse as _shop_events_v1_ListHistoryResponse, ListHistoryResponse__Output as _shop_events_v1_ListHistoryResponse__Output } from '../../../shop/events/v1/ListHistoryResponse.js';
import type { ListOrdersForAccountsRequest as _shop_order_v1_ListOrdersForAccountsRequest, ListOrdersForAccountsRequest__Output as _shop_order_v1_ListOrdersForAccountsRequest__Output } from '../../../shop/order/v1/ListOrdersForAccountsRequest.js';
import type { ListOrdersForAccountsResponse as _shop_order_v1_ListOrdersForAccountsResponse, ListOrdersForAccountsResponse__Output as _shop_order_v1_ListOrdersForAccountsResponse__Output } from '../../../shop/order/v1/ListOrdersForAccountsResponse.js';
import type { ListOrdersRequest as _shop_order_v1_ListOrdersRequest, ListOrdersRequest__Output as _shop_order_v1_ListOrdersRequest__Output } from '../../../shop/order/v1/ListOrdersRequest.js';
import type { ListOrdersResponse as _shop_order_v1_ListOrdersResponse, ListOrdersResponse__Output as _shop_order_v1_ListOrdersResponse__Output } from '../../../shop/order/v1/ListOrdersResponse.js';

/**
 * Orders of accounts for products. Checks accounts and products through their services
 * and keeps a snapshot of each product's name and price.
 */
export interface OrderServiceClient extends grpc.Client {
  /**
   * FAILED_PRECONDITION when the order is already rejected or cancelled.
   */
  CancelOrder(argument: _shop_order_v1_CancelOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_CancelOrderResponse__Output>): grpc.ClientUnaryCall;
  CancelOrder(argument: _shop_order_v1_CancelOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_CancelOrderResponse__Output>): grpc.ClientUnaryCall;
  CancelOrder(argument: _shop_order_v1_CancelOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_CancelOrderResponse__Output>): grpc.ClientUnaryCall;
  CancelOrder(argument: _shop_order_v1_CancelOrderRequest, callback: grpc.requestCallback<_shop_order_v1_CancelOrderResponse__Output>): grpc.ClientUnaryCall;
  /**
   * FAILED_PRECONDITION when the order is already rejected or cancelled.
   */
  cancelOrder(argument: _shop_order_v1_CancelOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_CancelOrderResponse__Output>): grpc.ClientUnaryCall;
  cancelOrder(argument: _shop_order_v1_CancelOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_CancelOrderResponse__Output>): grpc.ClientUnaryCall;
  cancelOrder(argument: _shop_order_v1_CancelOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_CancelOrderResponse__Output>): grpc.ClientUnaryCall;
  cancelOrder(argument: _shop_order_v1_CancelOrderRequest, callback: grpc.requestCallback<_shop_order_v1_CancelOrderResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns the order as PENDING. NOT_FOUND for an unknown account; FAILED_PRECONDITION for an
   * unknown or deleted product.
   */
  CreateOrder(argument: _shop_order_v1_CreateOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_CreateOrderResponse__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _shop_order_v1_CreateOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_CreateOrderResponse__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _shop_order_v1_CreateOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_CreateOrderResponse__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _shop_order_v1_CreateOrderRequest, callback: grpc.requestCallback<_shop_order_v1_CreateOrderResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns the order as PENDING. NOT_FOUND for an unknown account; FAILED_PRECONDITION for an
   * unknown or deleted product.
   */
  createOrder(argument: _shop_order_v1_CreateOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_CreateOrderResponse__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _shop_order_v1_CreateOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_CreateOrderResponse__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _shop_order_v1_CreateOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_CreateOrderResponse__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _shop_order_v1_CreateOrderRequest, callback: grpc.requestCallback<_shop_order_v1_CreateOrderResponse__Output>): grpc.ClientUnaryCall;
  
  GetOrder(argument: _shop_order_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _shop_order_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _shop_order_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _shop_order_v1_GetOrderRequest, callback: grpc.requestCallback<_shop_order_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _shop_order_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _shop_order_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _shop_order_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _shop_order_v1_GetOrderRequest, callback: grpc.requestCallback<_shop_order_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Batch read: orders in the order of the ids asked for; unknown ids are left out.
   */
  GetOrders(argument: _shop_order_v1_GetOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_GetOrdersResponse__Output>): grpc.ClientUnaryCall;
  GetOrders(argument: _shop_order_v1_GetOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_GetOrdersResponse__Output>): grpc.ClientUnaryCall;
  GetOrders(argument: _shop_order_v1_GetOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_GetOrdersResponse__Output>): grpc.ClientUnaryCall;
  GetOrders(argument: _shop_order_v1_GetOrdersRequest, callback: grpc.requestCallback<_shop_order_v1_GetOrdersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Batch read: orders in the order of the ids asked for; unknown ids are left out.
   */
  getOrders(argument: _shop_order_v1_GetOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_GetOrdersResponse__Output>): grpc.ClientUnaryCall;
  getOrders(argument: _shop_order_v1_GetOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_GetOrdersResponse__Output>): grpc.ClientUnaryCall;
  getOrders(argument: _shop_order_v1_GetOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_GetOrdersResponse__Output>): grpc.ClientUnaryCall;
  getOrders(argument: _shop_order_v1_GetOrdersRequest, callback: grpc.requestCallback<_shop_order_v1_GetOrdersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListHistory for many records in one call (the gateway's nested history fields).
   */
  ListHistories(argument: _shop_events_v1_ListHistoriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  ListHistories(argument: _shop_events_v1_ListHistoriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  ListHistories(argument: _shop_events_v1_ListHistoriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  ListHistories(argument: _shop_events_v1_ListHistoriesRequest, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListHistory for many records in one call (the gateway's nested history fields).
   */
  listHistories(argument: _shop_events_v1_ListHistoriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  listHistories(argument: _shop_events_v1_ListHistoriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  listHistories(argument: _shop_events_v1_ListHistoriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  listHistories(argument: _shop_events_v1_ListHistoriesRequest, callback: grpc.requestCallback<_shop_events_v1_ListHistoriesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every change of the order, oldest first; empty for an id that never existed.
   */
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every change of the order, oldest first; empty for an id that never existed.
   */
  listHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  listHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  listHistory(argument: _shop_events_v1_ListHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  listHistory(argument: _shop_events_v1_ListHistoryRequest, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One account's orders, newest first, keyset pagination.
   */
  ListOrders(argument: _shop_order_v1_ListOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _shop_order_v1_ListOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _shop_order_v1_ListOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _shop_order_v1_ListOrdersRequest, callback: grpc.requestCallback<_shop_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One account's orders, newest first, keyset pagination.
   */
  listOrders(argument: _shop_order_v1_ListOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _shop_order_v1_ListOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _shop_order_v1_ListOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _shop_order_v1_ListOrdersRequest, callback: grpc.requestCallback<_shop_order_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Batch of ListOrders for many accounts in one call (the gateway's Account.orders).
   */
  ListOrdersForAccounts(argument: _shop_order_v1_ListOrdersForAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_ListOrdersForAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListOrdersForAccounts(argument: _shop_order_v1_ListOrdersForAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_ListOrdersForAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListOrdersForAccounts(argument: _shop_order_v1_ListOrdersForAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_ListOrdersForAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListOrdersForAccounts(argument: _shop_order_v1_ListOrdersForAccountsRequest, callback: grpc.requestCallback<_shop_order_v1_ListOrdersForAccountsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Batch of ListOrders for many accounts in one call (the gateway's Account.orders).
   */
  listOrdersForAccounts(argument: _shop_order_v1_ListOrdersForAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_ListOrdersForAccountsResponse__Output>): grpc.ClientUnaryCall;
  listOrdersForAccounts(argument: _shop_order_v1_ListOrdersForAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_order_v1_ListOrdersForAccountsResponse__Output>): grpc.ClientUnaryCall;
  listOrdersForAccounts(argument: _shop_order_v1_ListOrdersForAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_order_v1_ListOrdersForAccountsResponse__Output>): grpc.ClientUnaryCall;
  listOrdersForAccounts(argument: _shop_order_v1_ListOrdersForAccountsRequest, callback: grpc.requestCallback<_shop_order_v1_ListOrdersForAccountsResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Orders of accounts for products. Checks accounts and products through their services
 * and keeps a snapshot of each product's name and price.
 */
export interface OrderServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * FAILED_PRECONDITION when the order is already rejected or cancelled.
   */
  CancelOrder: grpc.handleUnaryCall<_shop_order_v1_CancelOrderRequest__Output, _shop_order_v1_CancelOrderResponse>;
  
  /**
   * Returns the order as PENDING. NOT_FOUND for an unknown account; FAILED_PRECONDITION for an
   * unknown or deleted product.
   */
  CreateOrder: grpc.handleUnaryCall<_shop_order_v1_CreateOrderRequest__Output, _shop_order_v1_CreateOrderResponse>;
  
  GetOrder: grpc.handleUnaryCall<_shop_order_v1_GetOrderRequest__Output, _shop_order_v1_GetOrderResponse>;
  
  /**
   * Batch read: orders in the order of the ids asked for; unknown ids are left out.
   */
  GetOrders: grpc.handleUnaryCall<_shop_order_v1_GetOrdersRequest__Output, _shop_order_v1_GetOrdersResponse>;
  
  /**
   * ListHistory for many records in one call (the gateway's nested history fields).
   */
  ListHistories: grpc.handleUnaryCall<_shop_events_v1_ListHistoriesRequest__Output, _shop_events_v1_ListHistoriesResponse>;
  
  /**
   * Every change of the order, oldest first; empty for an id that never existed.
   */
  ListHistory: grpc.handleUnaryCall<_shop_events_v1_ListHistoryRequest__Output, _shop_events_v1_ListHistoryResponse>;
  
  /**
   * One account's orders, newest first, keyset pagination.
   */
  ListOrders: grpc.handleUnaryCall<_shop_order_v1_ListOrdersRequest__Output, _shop_order_v1_ListOrdersResponse>;
  
  /**
   * Batch of ListOrders for many accounts in one call (the gateway's Account.orders).
   */
  ListOrdersForAccounts: grpc.handleUnaryCall<_shop_order_v1_ListOrdersForAccountsRequest__Output, _shop_order_v1_ListOrdersForAccountsResponse>;
  
}

export interface OrderServiceDefinition extends grpc.ServiceDefinition {
  CancelOrder: MethodDefinition<_shop_order_v1_CancelOrderRequest, _shop_order_v1_CancelOrderResponse, _shop_order_v1_CancelOrderRequest__Output, _shop_order_v1_CancelOrderResponse__Output>
  CreateOrder: MethodDefinition<_shop_order_v1_CreateOrderRequest, _shop_order_v1_CreateOrderResponse, _shop_order_v1_CreateOrderRequest__Output, _shop_order_v1_CreateOrderResponse__Output>
  GetOrder: MethodDefinition<_shop_order_v1_GetOrderRequest, _shop_order_v1_GetOrderResponse, _shop_order_v1_GetOrderRequest__Output, _shop_order_v1_GetOrderResponse__Output>
  GetOrders: MethodDefinition<_shop_order_v1_GetOrdersRequest, _shop_order_v1_GetOrdersResponse, _shop_order_v1_GetOrdersRequest__Output, _shop_order_v1_GetOrdersResponse__Output>
  ListHistories: MethodDefinition<_shop_events_v1_ListHistoriesRequest, _shop_events_v1_ListHistoriesResponse, _shop_events_v1_ListHistoriesRequest__Output, _shop_events_v1_ListHistoriesResponse__Output>
  ListHistory: MethodDefinition<_shop_events_v1_ListHistoryRequest, _shop_events_v1_ListHistoryResponse, _shop_events_v1_ListHistoryRequest__Output, _shop_events_v1_ListHistoryResponse__Output>
  ListOrders: MethodDefinition<_shop_order_v1_ListOrdersRequest, _shop_order_v1_ListOrdersResponse, _shop_order_v1_ListOrdersRequest__Output, _shop_order_v1_ListOrdersResponse__Output>
  ListOrdersForAccounts: MethodDefinition<_shop_order_v1_ListOrdersForAccountsRequest, _shop_order_v1_ListOrdersForAccountsResponse, _shop_order_v1_ListOrdersForAccountsRequest__Output, _shop_order_v1_ListOrdersForAccountsResponse__Output>
}
