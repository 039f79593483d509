import { credentials } from '@grpc/grpc-js';
import { callUnary, CLIENT_CHANNEL_OPTIONS, DEFAULT_CALL_POLICY, int32ForWire, type CallContext, type CallPolicy } from '@shop/grpc-kit';
import { fromHistoryEntryProto, loadPackageDefinition, protoFiles, toGrpcObject, type HistoryEntryValue } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/catalog';
import type { CatalogServiceClient } from '@shop/proto/generated/shop/catalog/v1/CatalogService';
import type { UpdateProductRequest } from '@shop/proto/generated/shop/catalog/v1/UpdateProductRequest';
import { moneyToProto, productFromProto, stockToProto } from './catalog-client-mapper.js';
import type { CreateProductInput, ProductChanges, ProductPageView, ProductView } from './product-view.js';

/** One change of a product, oldest first in a history; kept after the product is deleted. */
export type HistoryEntryView = HistoryEntryValue;

let grpcObject: ProtoGrpcType | undefined;

function catalogProto(): ProtoGrpcType {
  grpcObject ??= toGrpcObject<ProtoGrpcType>(loadPackageDefinition(protoFiles.catalog));
  return grpcObject;
}

/**
 * The typed promise client of the catalog service, what the order service and the gateway import.
 * Every call carries the caller's token from its CallContext, has a deadline and retries UNAVAILABLE; failures
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
    const response = await callUnary(this.stub.createProduct.bind(this.stub), request, this.policy, context);
    return productFromProto(response.product);
  }

  /** The product; a RemoteError NOT_FOUND (CATALOG.PRODUCT_NOT_FOUND) when there is none, also after deletion. */
  async get(id: string, context?: CallContext): Promise<ProductView> {
    const response = await callUnary(this.stub.getProduct.bind(this.stub), { id }, this.policy, context);
    return productFromProto(response.product);
  }

  /** The products with these ids in the order asked for; unknown and deleted ids are left out. One call for all. */
  async getMany(ids: readonly string[], context?: CallContext): Promise<ProductView[]> {
    const response = await callUnary(this.stub.getProducts.bind(this.stub), { ids: [...ids] }, this.policy, context);
    return response.products.map(productFromProto);
  }

  /** Newest first. */
  async list(page: { pageSize?: number; pageToken?: string } = {}, context?: CallContext): Promise<ProductPageView> {
    const request = { pageSize: pageSizeForWire(page.pageSize), pageToken: page.pageToken ?? '' };
    const response = await callUnary(this.stub.listProducts.bind(this.stub), request, this.policy, context);
    return { products: response.products.map(productFromProto), nextPageToken: response.nextPageToken || undefined };
  }

  /** Full-text search over names and descriptions, best match first, ties newest first. */
  async search(input: { query: string; pageSize?: number; pageToken?: string }, context?: CallContext): Promise<ProductPageView> {
    const request = { query: input.query, pageSize: pageSizeForWire(input.pageSize), pageToken: input.pageToken ?? '' };
    const response = await callUnary(this.stub.searchProducts.bind(this.stub), request, this.policy, context);
    return { products: response.products.map(productFromProto), nextPageToken: response.nextPageToken || undefined };
  }

  /** Changes only the fields given; a price replaces the price. */
  async update(id: string, changes: ProductChanges, context?: CallContext): Promise<ProductView> {
    const request: UpdateProductRequest = { id, name: changes.name, description: changes.description };
    if (changes.price !== undefined) request.price = moneyToProto(changes.price);
    if (changes.stock !== undefined) request.stock = stockToProto(changes.stock);
    const response = await callUnary(this.stub.updateProduct.bind(this.stub), request, this.policy, context);
    return productFromProto(response.product);
  }

  async delete(id: string, context?: CallContext): Promise<void> {
    await callUnary(this.stub.deleteProduct.bind(this.stub), { id }, this.policy, context);
  }

  /** Every change of the product, oldest first, also after it was deleted. */
  async history(id: string, context?: CallContext): Promise<HistoryEntryView[]> {
    const response = await callUnary(this.stub.listHistory.bind(this.stub), { aggregateId: id }, this.policy, context);
    return response.entries.map(fromHistoryEntryProto);
  }

  close(): void {
    this.stub.close();
  }
}

function pageSizeForWire(pageSize: number | undefined): number {
  return int32ForWire(pageSize ?? 0, 'page_size', 'CATALOG.INVALID_PAGE_SIZE');
}
