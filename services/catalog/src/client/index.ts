export { CatalogClient, type HistoryEntryView } from './catalog-client.js';
export type { CreateProductInput, ProductChanges, ProductPageView, ProductView } from './product-view.js';
