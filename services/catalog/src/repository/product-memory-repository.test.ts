import { describeProductRepositoryContract } from '../../test/product-repository-contract.js';
import { ProductMemoryRepository } from './product-memory-repository.js';

describeProductRepositoryContract('in memory', async () => new ProductMemoryRepository());
