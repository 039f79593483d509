import { credentials } from '@grpc/grpc-js';
import { callUnary, CLIENT_CHANNEL_OPTIONS, DEFAULT_CALL_POLICY, int32ForWire, int64ForWire, mayRetry, type CallContext, type CallPolicy } from '@shop/grpc-kit';
import { fromHistoryEntryProto, loadPackageDefinition, protoFiles, toGrpcObject, type HistoryEntryValue } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/catalog';
import type { CatalogServiceClient } from '@shop/proto/generated/shop/catalog/v1/CatalogService';
import type { UpdateProductRequest } from '@shop/proto/generated/shop/catalog/v1/UpdateProductRequest';
import { CATALOG_RETRIES } from './catalog-retries.js';
import { moneyToProto, productFromProto, stockToProto } from './catalog-client-mapper.js';
import type { CreateProductInput, ProductChanges, ProductPageView, ProductView } from './product-view.js';

/** One change of a product, oldest first in a history; kept after the product is deleted. */
export type HistoryEntryView = HistoryEntryValue;

/** Which page of a history to read: up to `pageSize` entries (1..100, default 50) after version `afterVersion` (default 0). */
export interface HistoryPageInput {
  pageSize?: number | undefined;
  afterVersion?: number | undefined;
}

let grpcObject: ProtoGrpcType | undefined;

function catalogProto(): ProtoGrpcType {
  grpcObject ??= toGrpcObject<ProtoGrpcType>(loadPackageDefinition(protoFiles.catalog));
  return grpcObject;
}

/**
 * The typed promise client of the catalog service, what the order service and the gateway import.
 * Every call carries the caller's token from its CallContext and has a deadline (shrunk to what is left of the
 * incoming call's when made from a handler); UNAVAILABLE is retried for reads only (CATALOG_RETRIES). Failures
 * are RemoteErrors carrying the catalog error code.
 */
export class CatalogClient {
  private constructor(
    private readonly stub: CatalogServiceClient,
    private readonly policy: CallPolicy,
  ) {}

  /** Connects lazily: the first call waits for the channel, so a client can exist before the service is up. */
  static connect(address: string, policy: CallPolicy = DEFAULT_CALL_POLICY): CatalogClient {
    const { CatalogService } = catalogProto().shop.catalog.v1;
    return new CatalogClient(new CatalogService(address, credentials.createInsecure(), CLIENT_CHANNEL_OPTIONS), policy);
  }

  async create(input: CreateProductInput, context?: CallContext): Promise<ProductView> {
    const request = {
      name: input.name,
      description: input.description,
      price: input.price && moneyToProto(input.price),
      stock: stockToProto(input.stock),
    };
    const response = await callUnary(this.stub.createProduct.bind(this.stub), request, this.policy, context, mayRetry(CATALOG_RETRIES.createProduct));
    return productFromProto(response.product);
  }

  /** The product; a RemoteError NOT_FOUND (CATALOG.PRODUCT_NOT_FOUND) when there is none, also after deletion. */
  async get(id: string, context?: CallContext): Promise<ProductView> {
    const response = await callUnary(this.stub.getProduct.bind(this.stub), { id }, this.policy, context, mayRetry(CATALOG_RETRIES.getProduct));
    return productFromProto(response.product);
  }

  /** The products with these ids in the order asked for; unknown and deleted ids are left out. One call for all. */
  async getMany(ids: readonly string[], context?: CallContext): Promise<ProductView[]> {
    const response = await callUnary(this.stub.getProducts.bind(this.stub), { ids: [...ids] }, this.policy, context, mayRetry(CATALOG_RETRIES.getProducts));
    return response.products.map(productFromProto);
  }

  /** Newest first. */
  async list(page: { pageSize?: number; pageToken?: string } = {}, context?: CallContext): Promise<ProductPageView> {
    const request = { pageSize: pageSizeForWire(page.pageSize), pageToken: page.pageToken ?? '' };
    const response = await callUnary(this.stub.listProducts.bind(this.stub), request, this.policy, context, mayRetry(CATALOG_RETRIES.listProducts));
    return { products: response.products.map(productFromProto), nextPageToken: response.nextPageToken || undefined };
  }

  /** Full-text search over names and descriptions, best match first, ties newest first. */
  async search(input: { query: string; pageSize?: number; pageToken?: string }, context?: CallContext): Promise<ProductPageView> {
    const request = { query: input.query, pageSize: pageSizeForWire(input.pageSize), pageToken: input.pageToken ?? '' };
    const response = await callUnary(this.stub.searchProducts.bind(this.stub), request, this.policy, context, mayRetry(CATALOG_RETRIES.searchProducts));
    return { products: response.products.map(productFromProto), nextPageToken: response.nextPageToken || undefined };
  }

  /** Changes only the fields given; a price replaces the price. */
  async update(id: string, changes: ProductChanges, context?: CallContext): Promise<ProductView> {
    const request: UpdateProductRequest = { id, name: changes.name, description: changes.description };
    if (changes.price !== undefined) request.price = moneyToProto(changes.price);
    if (changes.stock !== undefined) request.stock = stockToProto(changes.stock);
    if (changes.expectedStock !== undefined) request.expectedStock = int32ForWire(changes.expectedStock, 'expectedStock', 'CATALOG.INVALID_STOCK');
    const response = await callUnary(this.stub.updateProduct.bind(this.stub), request, this.policy, context, mayRetry(CATALOG_RETRIES.updateProduct));
    return productFromProto(response.product);
  }

  async delete(id: string, context?: CallContext): Promise<void> {
    await callUnary(this.stub.deleteProduct.bind(this.stub), { id }, this.policy, context, mayRetry(CATALOG_RETRIES.deleteProduct));
  }

  /** A page of the product's changes, oldest first, also after it was deleted; a bare id asks for the first 50. */
  async history(request: string | ({ id: string } & HistoryPageInput), context?: CallContext): Promise<HistoryEntryView[]> {
    const { id, ...page } = typeof request === 'string' ? { id: request } : request;
    const response = await callUnary(this.stub.listHistory.bind(this.stub), { aggregateId: id, ...historyPageForWire(page) }, this.policy, context, mayRetry(CATALOG_RETRIES.listHistory));
    return response.entries.map(fromHistoryEntryProto);
  }

  /** The same page of the history of each product, in the order of `ids`, in one call (the gateway's nested history). */
  async histories(request: { ids: readonly string[] } & HistoryPageInput, context?: CallContext): Promise<HistoryEntryView[][]> {
    const { ids, ...page } = request;
    const response = await callUnary(this.stub.listHistories.bind(this.stub), { aggregateIds: [...ids], ...historyPageForWire(page) }, this.policy, context, mayRetry(CATALOG_RETRIES.listHistories));
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
    pageSize: pageSizeForWire(page.pageSize),
    // Only a whole number becomes a bigint; anything else reaches int64ForWire as it is, which refuses it.
    afterVersion: int64ForWire(Number.isSafeInteger(afterVersion) ? BigInt(afterVersion) : (afterVersion as unknown as bigint), 'after_version', 'CATALOG.INVALID_AFTER_VERSION'),
  };
}

function pageSizeForWire(pageSize: number | undefined): number {
  return int32ForWire(pageSize ?? 0, 'page_size', 'CATALOG.INVALID_PAGE_SIZE');
}
