import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp.js';
import type { CatalogServiceClient as _shop_catalog_v1_CatalogServiceClient, CatalogServiceDefinition as _shop_catalog_v1_CatalogServiceDefinition } from './shop/catalog/v1/CatalogService.js';
import type { CreateProductRequest as _shop_catalog_v1_CreateProductRequest, CreateProductRequest__Output as _shop_catalog_v1_CreateProductRequest__Output } from './shop/catalog/v1/CreateProductRequest.js';
import type { CreateProductResponse as _shop_catalog_v1_CreateProductResponse, CreateProductResponse__Output as _shop_catalog_v1_CreateProductResponse__Output } from './shop/catalog/v1/CreateProductResponse.js';
import type { DeleteProductRequest as _shop_catalog_v1_DeleteProductRequest, DeleteProductRequest__Output as _shop_catalog_v1_DeleteProductRequest__Output } from './shop/catalog/v1/DeleteProductRequest.js';
import type { DeleteProductResponse as _shop_catalog_v1_DeleteProductResponse, DeleteProductResponse__Output as _shop_catalog_v1_DeleteProductResponse__Output } from './shop/catalog/v1/DeleteProductResponse.js';
import type { GetProductRequest as _shop_catalog_v1_GetProductRequest, GetProductRequest__Output as _shop_catalog_v1_GetProductRequest__Output } from './shop/catalog/v1/GetProductRequest.js';
import type { GetProductResponse as _shop_catalog_v1_GetProductResponse, GetProductResponse__Output as _shop_catalog_v1_GetProductResponse__Output } from './shop/catalog/v1/GetProductResponse.js';
import type { GetProductsRequest as _shop_catalog_v1_GetProductsRequest, GetProductsRequest__Output as _shop_catalog_v1_GetProductsRequest__Output } from './shop/catalog/v1/GetProductsRequest.js';
import type { GetProductsResponse as _shop_catalog_v1_GetProductsResponse, GetProductsResponse__Output as _shop_catalog_v1_GetProductsResponse__Output } from './shop/catalog/v1/GetProductsResponse.js';
import type { ListProductsRequest as _shop_catalog_v1_ListProductsRequest, ListProductsRequest__Output as _shop_catalog_v1_ListProductsRequest__Output } from './shop/catalog/v1/ListProductsRequest.js';
import type { ListProductsResponse as _shop_catalog_v1_ListProductsResponse, ListProductsResponse__Output as _shop_catalog_v1_ListProductsResponse__Output } from './shop/catalog/v1/ListProductsResponse.js';
import type { Product as _shop_catalog_v1_Product, Product__Output as _shop_catalog_v1_Product__Output } from './shop/catalog/v1/Product.js';
import type { SearchProductsRequest as _shop_catalog_v1_SearchProductsRequest, SearchProductsRequest__Output as _shop_catalog_v1_SearchProductsRequest__Output } from './shop/catalog/v1/SearchProductsRequest.js';
import type { SearchProductsResponse as _shop_catalog_v1_SearchProductsResponse, SearchProductsResponse__Output as _shop_catalog_v1_SearchProductsResponse__Output } from './shop/catalog/v1/SearchProductsResponse.js';
import type { UpdateProductRequest as _shop_catalog_v1_UpdateProductRequest, UpdateProductRequest__Output as _shop_catalog_v1_UpdateProductRequest__Output } from './shop/catalog/v1/UpdateProductRequest.js';
import type { UpdateProductResponse as _shop_catalog_v1_UpdateProductResponse, UpdateProductResponse__Output as _shop_catalog_v1_UpdateProductResponse__Output } from './shop/catalog/v1/UpdateProductResponse.js';
import type { Money as _shop_common_v1_Money, Money__Output as _shop_common_v1_Money__Output } from './shop/common/v1/Money.js';
import type { HistoryEntry as _shop_events_v1_HistoryEntry, HistoryEntry__Output as _shop_events_v1_HistoryEntry__Output } from './shop/events/v1/HistoryEntry.js';
import type { ListHistoriesRequest as _shop_events_v1_ListHistoriesRequest, ListHistoriesRequest__Output as _shop_events_v1_ListHistoriesRequest__Output } from './shop/events/v1/ListHistoriesRequest.js';
import type { ListHistoriesResponse as _shop_events_v1_ListHistoriesResponse, ListHistoriesResponse__Output as _shop_events_v1_ListHistoriesResponse__Output } from './shop/events/v1/ListHistoriesResponse.js';
import type { ListHistoryRequest as _shop_events_v1_ListHistoryRequest, ListHistoryRequest__Output as _shop_events_v1_ListHistoryRequest__Output } from './shop/events/v1/ListHistoryRequest.js';
import type { ListHistoryResponse as _shop_events_v1_ListHistoryResponse, ListHistoryResponse__Output as _shop_events_v1_ListHistoryResponse__Output } from './shop/events/v1/ListHistoryResponse.js';

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
    catalog: {
      v1: {
        /**
         * Products and their stock. Postgres is the source of truth; search may be served by another index.
         */
        CatalogService: SubtypeConstructor<typeof grpc.Client, _shop_catalog_v1_CatalogServiceClient> & { service: _shop_catalog_v1_CatalogServiceDefinition }
        CreateProductRequest: MessageTypeDefinition<_shop_catalog_v1_CreateProductRequest, _shop_catalog_v1_CreateProductRequest__Output>
        CreateProductResponse: MessageTypeDefinition<_shop_catalog_v1_CreateProductResponse, _shop_catalog_v1_CreateProductResponse__Output>
        DeleteProductRequest: MessageTypeDefinition<_shop_catalog_v1_DeleteProductRequest, _shop_catalog_v1_DeleteProductRequest__Output>
        DeleteProductResponse: MessageTypeDefinition<_shop_catalog_v1_DeleteProductResponse, _shop_catalog_v1_DeleteProductResponse__Output>
        GetProductRequest: MessageTypeDefinition<_shop_catalog_v1_GetProductRequest, _shop_catalog_v1_GetProductRequest__Output>
        GetProductResponse: MessageTypeDefinition<_shop_catalog_v1_GetProductResponse, _shop_catalog_v1_GetProductResponse__Output>
        GetProductsRequest: MessageTypeDefinition<_shop_catalog_v1_GetProductsRequest, _shop_catalog_v1_GetProductsRequest__Output>
        GetProductsResponse: MessageTypeDefinition<_shop_catalog_v1_GetProductsResponse, _shop_catalog_v1_GetProductsResponse__Output>
        ListProductsRequest: MessageTypeDefinition<_shop_catalog_v1_ListProductsRequest, _shop_catalog_v1_ListProductsRequest__Output>
        ListProductsResponse: MessageTypeDefinition<_shop_catalog_v1_ListProductsResponse, _shop_catalog_v1_ListProductsResponse__Output>
        Product: MessageTypeDefinition<_shop_catalog_v1_Product, _shop_catalog_v1_Product__Output>
        SearchProductsRequest: MessageTypeDefinition<_shop_catalog_v1_SearchProductsRequest, _shop_catalog_v1_SearchProductsRequest__Output>
        SearchProductsResponse: MessageTypeDefinition<_shop_catalog_v1_SearchProductsResponse, _shop_catalog_v1_SearchProductsResponse__Output>
        UpdateProductRequest: MessageTypeDefinition<_shop_catalog_v1_UpdateProductRequest, _shop_catalog_v1_UpdateProductRequest__Output>
        UpdateProductResponse: MessageTypeDefinition<_shop_catalog_v1_UpdateProductResponse, _shop_catalog_v1_UpdateProductResponse__Output>
      }
    }
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
  }
}

