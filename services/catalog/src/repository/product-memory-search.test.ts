import { describeProductSearchContract } from '../../test/product-search-contract.js';
import { ProductMemoryRepository } from './product-memory-repository.js';
import { ProductMemorySearch } from './product-memory-search.js';
import { catalogEventsWire } from '../events/catalog-events-wire.js';

describeProductSearchContract('in memory', async () => {
  const products = new ProductMemoryRepository(catalogEventsWire);
  return { products, search: new ProductMemorySearch(products) };
});
