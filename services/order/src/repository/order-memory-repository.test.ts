import { describeOrderRepositoryContract } from '../../test/order-repository-contract.js';
import { OrderMemoryRepository } from './order-memory-repository.js';
import { orderEventsWire } from '../events/order-events-wire.js';

describeOrderRepositoryContract('in memory', async () => new OrderMemoryRepository(orderEventsWire));
