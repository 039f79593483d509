import { describeAccountRepositoryContract } from '../../test/account-repository-contract.js';
import { AccountMemoryRepository } from './account-memory-repository.js';
import { accountEventsWire } from '../events/account-events-wire.js';

describeAccountRepositoryContract('in memory', async () => new AccountMemoryRepository(accountEventsWire));
