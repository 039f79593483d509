import { describeProductRepositoryContract } from '../../test/product-repository-contract.js';
import { ProductMemoryRepository } from './product-memory-repository.js';
import { catalogEventsWire } from '../events/catalog-events-wire.js';

describeProductRepositoryContract('in memory', async () => new ProductMemoryRepository(catalogEventsWire));
