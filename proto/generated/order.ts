import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp.js';
import type { Money as _shop_common_v1_Money, Money__Output as _shop_common_v1_Money__Output } from './shop/common/v1/Money.js';
import type { HistoryEntry as _shop_events_v1_HistoryEntry, HistoryEntry__Output as _shop_events_v1_HistoryEntry__Output } from './shop/events/v1/HistoryEntry.js';
import type { ListHistoriesRequest as _shop_events_v1_ListHistoriesRequest, ListHistoriesRequest__Output as _shop_events_v1_ListHistoriesRequest__Output } from './shop/events/v1/ListHistoriesRequest.js';
import type { ListHistoriesResponse as _shop_events_v1_ListHistoriesResponse, ListHistoriesResponse__Output as _shop_events_v1_ListHistoriesResponse__Output } from './shop/events/v1/ListHistoriesResponse.js';
import type { ListHistoryRequest as _shop_events_v1_ListHistoryRequest, ListHistoryRequest__Output as _shop_events_v1_ListHistoryRequest__Output } from './shop/events/v1/ListHistoryRequest.js';
import type { ListHistoryResponse as _shop_events_v1_ListHistoryResponse, ListHistoryResponse__Output as _shop_events_v1_ListHistoryResponse__Output } from './shop/events/v1/ListHistoryResponse.js';
import type { CancelOrderRequest as _shop_order_v1_CancelOrderRequest, CancelOrderRequest__Output as _shop_order_v1_CancelOrderRequest__Output } from './shop/order/v1/CancelOrderRequest.js';
import type { CancelOrderResponse as _shop_order_v1_CancelOrderResponse, CancelOrderResponse__Output as _shop_order_v1_CancelOrderResponse__Output } from './shop/order/v1/CancelOrderResponse.js';
import type { CreateOrderRequest as _shop_order_v1_CreateOrderRequest, CreateOrderRequest__Output as _shop_order_v1_CreateOrderRequest__Output } from './shop/order/v1/CreateOrderRequest.js';
import type { CreateOrderResponse as _shop_order_v1_CreateOrderResponse, CreateOrderResponse__Output as _shop_order_v1_CreateOrderResponse__Output } from './shop/order/v1/CreateOrderResponse.js';
import type { GetOrderRequest as _shop_order_v1_GetOrderRequest, GetOrderRequest__Output as _shop_order_v1_GetOrderRequest__Output } from './shop/order/v1/GetOrderRequest.js';
import type { GetOrderResponse as _shop_order_v1_GetOrderResponse, GetOrderResponse__Output as _shop_order_v1_GetOrderResponse__Output } from './shop/order/v1/GetOrderResponse.js';
import type { GetOrdersRequest as _shop_order_v1_GetOrdersRequest, GetOrdersRequest__Output as _shop_order_v1_GetOrdersRequest__Output } from './shop/order/v1/GetOrdersRequest.js';
import type { GetOrdersResponse as _shop_order_v1_GetOrdersResponse, GetOrdersResponse__Output as _shop_order_v1_GetOrdersResponse__Output } from './shop/order/v1/GetOrdersResponse.js';
import type { ListOrdersForAccountsRequest as _shop_order_v1_ListOrdersForAccountsRequest, ListOrdersForAccountsRequest__Output as _shop_order_v1_ListOrdersForAccountsRequest__Output } from './shop/order/v1/ListOrdersForAccountsRequest.js';
import type { ListOrdersForAccountsResponse as _shop_order_v1_ListOrdersForAccountsResponse, ListOrdersForAccountsResponse__Output as _shop_order_v1_ListOrdersForAccountsResponse__Output } from './shop/order/v1/ListOrdersForAccountsResponse.js';
import type { ListOrdersRequest as _shop_order_v1_ListOrdersRequest, ListOrdersRequest__Output as _shop_order_v1_ListOrdersRequest__Output } from './shop/order/v1/ListOrdersRequest.js';
import type { ListOrdersResponse as _shop_order_v1_ListOrdersResponse, ListOrdersResponse__Output as _shop_order_v1_ListOrdersResponse__Output } from './shop/order/v1/ListOrdersResponse.js';
import type { Order as _shop_order_v1_Order, Order__Output as _shop_order_v1_Order__Output } from './shop/order/v1/Order.js';
import type { OrderItem as _shop_order_v1_OrderItem, OrderItem__Output as _shop_order_v1_OrderItem__Output } from './shop/order/v1/OrderItem.js';
import type { OrderServiceClient as _shop_order_v1_OrderServiceClient, OrderServiceDefinition as _shop_order_v1_OrderServiceDefinition } from './shop/order/v1/OrderService.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  shop: {
    common: {
      v1: {
        Money: MessageTypeDefinition<_shop_common_v1_Money, _shop_common_v1_Money__Output>
      }
    }
    events: {
      v1: {
        HistoryEntry: MessageTypeDefinition<_shop_events_v1_HistoryEntry, _shop_events_v1_HistoryEntry__Output>
        ListHistoriesRequest: MessageTypeDefinition<_shop_events_v1_ListHistoriesRequest, _shop_events_v1_ListHistoriesRequest__Output>
        ListHistoriesResponse: MessageTypeDefinition<_shop_events_v1_ListHistoriesResponse, _shop_events_v1_ListHistoriesResponse__Output>
        ListHistoryRequest: MessageTypeDefinition<_shop_events_v1_ListHistoryRequest, _shop_events_v1_ListHistoryRequest__Output>
        ListHistoryResponse: MessageTypeDefinition<_shop_events_v1_ListHistoryResponse, _shop_events_v1_ListHistoryResponse__Output>
      }
    }
    order: {
      v1: {
        CancelOrderRequest: MessageTypeDefinition<_shop_order_v1_CancelOrderRequest, _shop_order_v1_CancelOrderRequest__Output>
        CancelOrderResponse: MessageTypeDefinition<_shop_order_v1_CancelOrderResponse, _shop_order_v1_CancelOrderResponse__Output>
        CreateOrderRequest: MessageTypeDefinition<_shop_order_v1_CreateOrderRequest, _shop_order_v1_CreateOrderRequest__Output>
        CreateOrderResponse: MessageTypeDefinition<_shop_order_v1_CreateOrderResponse, _shop_order_v1_CreateOrderResponse__Output>
        GetOrderRequest: MessageTypeDefinition<_shop_order_v1_GetOrderRequest, _shop_order_v1_GetOrderRequest__Output>
        GetOrderResponse: MessageTypeDefinition<_shop_order_v1_GetOrderResponse, _shop_order_v1_GetOrderResponse__Output>
        GetOrdersRequest: MessageTypeDefinition<_shop_order_v1_GetOrdersRequest, _shop_order_v1_GetOrdersRequest__Output>
        GetOrdersResponse: MessageTypeDefinition<_shop_order_v1_GetOrdersResponse, _shop_order_v1_GetOrdersResponse__Output>
        ListOrdersForAccountsRequest: MessageTypeDefinition<_shop_order_v1_ListOrdersForAccountsRequest, _shop_order_v1_ListOrdersForAccountsRequest__Output>
        ListOrdersForAccountsResponse: MessageTypeDefinition<_shop_order_v1_ListOrdersForAccountsResponse, _shop_order_v1_ListOrdersForAccountsResponse__Output>
        ListOrdersRequest: MessageTypeDefinition<_shop_order_v1_ListOrdersRequest, _shop_order_v1_ListOrdersRequest__Output>
        ListOrdersResponse: MessageTypeDefinition<_shop_order_v1_ListOrdersResponse, _shop_order_v1_ListOrdersResponse__Output>
        Order: MessageTypeDefinition<_shop_order_v1_Order, _shop_order_v1_Order__Output>
        OrderItem: MessageTypeDefinition<_shop_order_v1_OrderItem, _shop_order_v1_OrderItem__Output>
        /**
         * Orders of accounts for products. Checks accounts and products through their services
         * and keeps a snapshot of each product's name and price.
         */
        OrderService: SubtypeConstructor<typeof grpc.Client, _shop_order_v1_OrderServiceClient> & { service: _shop_order_v1_OrderServiceDefinition }
        OrderStatus: EnumTypeDefinition
      }
    }
  }
}

