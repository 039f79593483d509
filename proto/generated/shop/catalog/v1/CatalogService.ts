// Original file: shop/catalog/v1/catalog.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateProductRequest as _shop_catalog_v1_CreateProductRequest, CreateProductRequest__Output as _shop_catalog_v1_CreateProductRequest__Output } from '../../../shop/catalog/v1/CreateProductRequest.js';
import type { CreateProductResponse as _shop_catalog_v1_CreateProductResponse, CreateProductResponse__Output as _shop_catalog_v1_CreateProductResponse__Output } from '../../../shop/catalog/v1/CreateProductResponse.js';
import type { DeleteProductRequest as _shop_catalog_v1_DeleteProductRequest, DeleteProductRequest__Output as _shop_catalog_v1_DeleteProductRequest__Output } from '../../../shop/catalog/v1/DeleteProductRequest.js';
import type { DeleteProductResponse as _shop_catalog_v1_DeleteProductResponse, DeleteProductResponse__Output as _shop_catalog_v1_DeleteProductResponse__Output } from '../../../shop/catalog/v1/DeleteProductResponse.js';
import type { GetProductRequest as _shop_catalog_v1_GetProductRequest, GetProductRequest__Output as _shop_catalog_v1_GetProductRequest__Output } from '../../../shop/catalog/v1/GetProductRequest.js';
import type { GetProductResponse as _shop_catalog_v1_GetProductResponse, GetProductResponse__Output as _shop_catalog_v1_GetProductResponse__Output } from '../../../shop/catalog/v1/GetProductResponse.js';
import type { GetProductsRequest as _shop_catalog_v1_GetProductsRequest, GetProductsRequest__Output as _shop_catalog_v1_GetProductsRequest__Output } from '../../../shop/catalog/v1/GetProductsRequest.js';
import type { GetProductsResponse as _shop_catalog_v1_GetProductsResponse, GetProductsResponse__Output as _shop_catalog_v1_GetProductsResponse__Output } from '../../../shop/catalog/v1/GetProductsResponse.js';
import type { ListHistoriesRequest as _shop_events_v1_ListHistoriesRequest, ListHistoriesRequest__Output as _shop_events_v1_ListHistoriesRequest__Output } from '../../../shop/events/v1/ListHistoriesRequest.js';
import type { ListHistoriesResponse as _shop_events_v1_ListHistoriesResponse, ListHistoriesResponse__Output as _shop_events_v1_ListHistoriesResponse__Output } from '../../../shop/events/v1/ListHistoriesResponse.js';
import type { ListHistoryRequest as _shop_events_v1_ListHistoryRequest, ListHistoryRequest__Output as _shop_events_v1_ListHistoryRequest__Output } from '../../../shop/events/v1/ListHistoryRequest.js';
import type { ListHistoryResponse as _shop_events_v1_ListHistoryResponse, ListHistoryResponse__Output as _shop_events_v1_ListHistoryResponse__Output } from '../../../shop/events/v1/ListHistoryResponse.js';
import type { ListProductsRequest as _shop_catalog_v1_ListProductsRequest, ListProductsRequest__Output as _shop_catalog_v1_ListProductsRequest__Output } from '../../../shop/catalog/v1/ListProductsRequest.js';
import type { ListProductsResponse as _shop_catalog_v1_ListProductsResponse, ListProductsResponse__Output as _shop_catalog_v1_ListProductsResponse__Output } from '../../../shop/catalog/v1/ListProductsResponse.js';
import type { SearchProductsRequest as _shop_catalog_v1_SearchProductsRequest, SearchProductsRequest__Output as _shop_catalog_v1_SearchProductsRequest__Output } from '../../../shop/catalog/v1/SearchProductsRequest.js';
import type { SearchProductsResponse as _shop_catalog_v1_SearchProductsResponse, SearchProductsResponse__Output as _shop_catalog_v1_SearchProductsResponse__Output } from '../../../shop/catalog/v1/SearchProductsResponse.js';
import type { UpdateProductRequest as _shop_catalog_v1_UpdateProductRequest, UpdateProductRequest__Output as _shop_catalog_v1_UpdateProductRequest__Output } from '../../../shop/catalog/v1/UpdateProductRequest.js';
import type { UpdateProductResponse as _shop_catalog_v1_UpdateProductResponse, UpdateProductResponse__Output as _shop_catalog_v1_UpdateProductResponse__Output } from '../../../shop/catalog/v1/UpdateProductResponse.js';

/**
 * Products and their stock. Postgres is the source of truth; search may be served by another index.
 */
export interface CatalogServiceClient extends grpc.Client {
  CreateProduct(argument: _shop_catalog_v1_CreateProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_CreateProductResponse__Output>): grpc.ClientUnaryCall;
  CreateProduct(argument: _shop_catalog_v1_CreateProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_CreateProductResponse__Output>): grpc.ClientUnaryCall;
  CreateProduct(argument: _shop_catalog_v1_CreateProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_CreateProductResponse__Output>): grpc.ClientUnaryCall;
  CreateProduct(argument: _shop_catalog_v1_CreateProductRequest, callback: grpc.requestCallback<_shop_catalog_v1_CreateProductResponse__Output>): grpc.ClientUnaryCall;
  createProduct(argument: _shop_catalog_v1_CreateProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_CreateProductResponse__Output>): grpc.ClientUnaryCall;
  createProduct(argument: _shop_catalog_v1_CreateProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_CreateProductResponse__Output>): grpc.ClientUnaryCall;
  createProduct(argument: _shop_catalog_v1_CreateProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_CreateProductResponse__Output>): grpc.ClientUnaryCall;
  createProduct(argument: _shop_catalog_v1_CreateProductRequest, callback: grpc.requestCallback<_shop_catalog_v1_CreateProductResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteProduct(argument: _shop_catalog_v1_DeleteProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  DeleteProduct(argument: _shop_catalog_v1_DeleteProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  DeleteProduct(argument: _shop_catalog_v1_DeleteProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  DeleteProduct(argument: _shop_catalog_v1_DeleteProductRequest, callback: grpc.requestCallback<_shop_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  deleteProduct(argument: _shop_catalog_v1_DeleteProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  deleteProduct(argument: _shop_catalog_v1_DeleteProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  deleteProduct(argument: _shop_catalog_v1_DeleteProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  deleteProduct(argument: _shop_catalog_v1_DeleteProductRequest, callback: grpc.requestCallback<_shop_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * NOT_FOUND when no product has the id (also after deletion).
   */
  GetProduct(argument: _shop_catalog_v1_GetProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  GetProduct(argument: _shop_catalog_v1_GetProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  GetProduct(argument: _shop_catalog_v1_GetProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  GetProduct(argument: _shop_catalog_v1_GetProductRequest, callback: grpc.requestCallback<_shop_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  /**
   * NOT_FOUND when no product has the id (also after deletion).
   */
  getProduct(argument: _shop_catalog_v1_GetProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _shop_catalog_v1_GetProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _shop_catalog_v1_GetProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _shop_catalog_v1_GetProductRequest, callback: grpc.requestCallback<_shop_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Batch read: products in the order of the ids asked for; unknown or deleted ids are left out.
   */
  GetProducts(argument: _shop_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _shop_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _shop_catalog_v1_GetProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _shop_catalog_v1_GetProductsRequest, callback: grpc.requestCallback<_shop_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Batch read: products in the order of the ids asked for; unknown or deleted ids are left out.
   */
  getProducts(argument: _shop_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _shop_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _shop_catalog_v1_GetProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _shop_catalog_v1_GetProductsRequest, callback: grpc.requestCallback<_shop_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  
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
   * Every change of the product, oldest first, also after it was deleted; empty for an id that never existed.
   */
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListHistory(argument: _shop_events_v1_ListHistoryRequest, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every change of the product, oldest first, also after it was deleted; empty for an id that never existed.
   */
  listHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  listHistory(argument: _shop_events_v1_ListHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  listHistory(argument: _shop_events_v1_ListHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  listHistory(argument: _shop_events_v1_ListHistoryRequest, callback: grpc.requestCallback<_shop_events_v1_ListHistoryResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Newest first, keyset pagination.
   */
  ListProducts(argument: _shop_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  ListProducts(argument: _shop_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  ListProducts(argument: _shop_catalog_v1_ListProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  ListProducts(argument: _shop_catalog_v1_ListProductsRequest, callback: grpc.requestCallback<_shop_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Newest first, keyset pagination.
   */
  listProducts(argument: _shop_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _shop_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _shop_catalog_v1_ListProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _shop_catalog_v1_ListProductsRequest, callback: grpc.requestCallback<_shop_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Full-text search over name and description, best match first (ties newest first).
   */
  SearchProducts(argument: _shop_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  SearchProducts(argument: _shop_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  SearchProducts(argument: _shop_catalog_v1_SearchProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  SearchProducts(argument: _shop_catalog_v1_SearchProductsRequest, callback: grpc.requestCallback<_shop_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Full-text search over name and description, best match first (ties newest first).
   */
  searchProducts(argument: _shop_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  searchProducts(argument: _shop_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  searchProducts(argument: _shop_catalog_v1_SearchProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  searchProducts(argument: _shop_catalog_v1_SearchProductsRequest, callback: grpc.requestCallback<_shop_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Partial update: only the fields that are set change.
   */
  UpdateProduct(argument: _shop_catalog_v1_UpdateProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_UpdateProductResponse__Output>): grpc.ClientUnaryCall;
  UpdateProduct(argument: _shop_catalog_v1_UpdateProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_UpdateProductResponse__Output>): grpc.ClientUnaryCall;
  UpdateProduct(argument: _shop_catalog_v1_UpdateProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_UpdateProductResponse__Output>): grpc.ClientUnaryCall;
  UpdateProduct(argument: _shop_catalog_v1_UpdateProductRequest, callback: grpc.requestCallback<_shop_catalog_v1_UpdateProductResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Partial update: only the fields that are set change.
   */
  updateProduct(argument: _shop_catalog_v1_UpdateProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_UpdateProductResponse__Output>): grpc.ClientUnaryCall;
  updateProduct(argument: _shop_catalog_v1_UpdateProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shop_catalog_v1_UpdateProductResponse__Output>): grpc.ClientUnaryCall;
  updateProduct(argument: _shop_catalog_v1_UpdateProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shop_catalog_v1_UpdateProductResponse__Output>): grpc.ClientUnaryCall;
  updateProduct(argument: _shop_catalog_v1_UpdateProductRequest, callback: grpc.requestCallback<_shop_catalog_v1_UpdateProductResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Products and their stock. Postgres is the source of truth; search may be served by another index.
 */
export interface CatalogServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateProduct: grpc.handleUnaryCall<_shop_catalog_v1_CreateProductRequest__Output, _shop_catalog_v1_CreateProductResponse>;
  
  DeleteProduct: grpc.handleUnaryCall<_shop_catalog_v1_DeleteProductRequest__Output, _shop_catalog_v1_DeleteProductResponse>;
  
  /**
   * NOT_FOUND when no product has the id (also after deletion).
   */
  GetProduct: grpc.handleUnaryCall<_shop_catalog_v1_GetProductRequest__Output, _shop_catalog_v1_GetProductResponse>;
  
  /**
   * Batch read: products in the order of the ids asked for; unknown or deleted ids are left out.
   */
  GetProducts: grpc.handleUnaryCall<_shop_catalog_v1_GetProductsRequest__Output, _shop_catalog_v1_GetProductsResponse>;
  
  /**
   * ListHistory for many records in one call (the gateway's nested history fields).
   */
  ListHistories: grpc.handleUnaryCall<_shop_events_v1_ListHistoriesRequest__Output, _shop_events_v1_ListHistoriesResponse>;
  
  /**
   * Every change of the product, oldest first, also after it was deleted; empty for an id that never existed.
   */
  ListHistory: grpc.handleUnaryCall<_shop_events_v1_ListHistoryRequest__Output, _shop_events_v1_ListHistoryResponse>;
  
  /**
   * Newest first, keyset pagination.
   */
  ListProducts: grpc.handleUnaryCall<_shop_catalog_v1_ListProductsRequest__Output, _shop_catalog_v1_ListProductsResponse>;
  
  /**
   * Full-text search over name and description, best match first (ties newest first).
   */
  SearchProducts: grpc.handleUnaryCall<_shop_catalog_v1_SearchProductsRequest__Output, _shop_catalog_v1_SearchProductsResponse>;
  
  /**
   * Partial update: only the fields that are set change.
   */
  UpdateProduct: grpc.handleUnaryCall<_shop_catalog_v1_UpdateProductRequest__Output, _shop_catalog_v1_UpdateProductResponse>;
  
}

export interface CatalogServiceDefinition extends grpc.ServiceDefinition {
  CreateProduct: MethodDefinition<_shop_catalog_v1_CreateProductRequest, _shop_catalog_v1_CreateProductResponse, _shop_catalog_v1_CreateProductRequest__Output, _shop_catalog_v1_CreateProductResponse__Output>
  DeleteProduct: MethodDefinition<_shop_catalog_v1_DeleteProductRequest, _shop_catalog_v1_DeleteProductResponse, _shop_catalog_v1_DeleteProductRequest__Output, _shop_catalog_v1_DeleteProductResponse__Output>
  GetProduct: MethodDefinition<_shop_catalog_v1_GetProductRequest, _shop_catalog_v1_GetProductResponse, _shop_catalog_v1_GetProductRequest__Output, _shop_catalog_v1_GetProductResponse__Output>
  GetProducts: MethodDefinition<_shop_catalog_v1_GetProductsRequest, _shop_catalog_v1_GetProductsResponse, _shop_catalog_v1_GetProductsRequest__Output, _shop_catalog_v1_GetProductsResponse__Output>
  ListHistories: MethodDefinition<_shop_events_v1_ListHistoriesRequest, _shop_events_v1_ListHistoriesResponse, _shop_events_v1_ListHistoriesRequest__Output, _shop_events_v1_ListHistoriesResponse__Output>
  ListHistory: MethodDefinition<_shop_events_v1_ListHistoryRequest, _shop_events_v1_ListHistoryResponse, _shop_events_v1_ListHistoryRequest__Output, _shop_events_v1_ListHistoryResponse__Output>
  ListProducts: MethodDefinition<_shop_catalog_v1_ListProductsRequest, _shop_catalog_v1_ListProductsResponse, _shop_catalog_v1_ListProductsRequest__Output, _shop_catalog_v1_ListProductsResponse__Output>
  SearchProducts: MethodDefinition<_shop_catalog_v1_SearchProductsRequest, _shop_catalog_v1_SearchProductsResponse, _shop_catalog_v1_SearchProductsRequest__Output, _shop_catalog_v1_SearchProductsResponse__Output>
  UpdateProduct: MethodDefinition<_shop_catalog_v1_UpdateProductRequest, _shop_catalog_v1_UpdateProductResponse, _shop_catalog_v1_UpdateProductRequest__Output, _shop_catalog_v1_UpdateProductResponse__Output>
}
