import { orderEventsWire } from '../events/order-events-wire.js';
import { describeIdempotencyContract } from '../../test/order-idempotency-contract.js';
import { OrderMemoryRepository } from './order-memory-repository.js';

describeIdempotencyContract('in memory', async () => new OrderMemoryRepository(orderEventsWire));
