import { describeOrderRepositoryContract } from '../../test/order-repository-contract.js';
import { OrderMemoryRepository } from './order-memory-repository.js';

describeOrderRepositoryContract('in memory', async () => new OrderMemoryRepository());
