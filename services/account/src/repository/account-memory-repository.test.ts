import { describeAccountRepositoryContract } from '../../test/account-repository-contract.js';
import { AccountMemoryRepository } from './account-memory-repository.js';

describeAccountRepositoryContract('in memory', async () => new AccountMemoryRepository());
