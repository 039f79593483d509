export { CatalogClient, type HistoryEntryView, type HistoryPageInput } from './catalog-client.js';
export type { CreateProductInput, ProductChanges, ProductPageView, ProductView } from './product-view.js';
