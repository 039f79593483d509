import { credentials } from '@grpc/grpc-js';
import { callUnary, CLIENT_CHANNEL_OPTIONS, DEFAULT_CALL_POLICY, int32ForWire, type CallPolicy } from '@shop/grpc-kit';
import { fromHistoryEntryProto, fromTimestamp, loadPackageDefinition, protoFiles, toGrpcObject } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/account';
import type { Account__Output } from '@shop/proto/generated/shop/account/v1/Account';
import type { AccountServiceClient } from '@shop/proto/generated/shop/account/v1/AccountService';
import type { AccountPageView, AccountView, HistoryEntryView } from './account-view.js';

let grpcObject: ProtoGrpcType | undefined;

function accountProto(): ProtoGrpcType {
  grpcObject ??= toGrpcObject<ProtoGrpcType>(loadPackageDefinition(protoFiles.account));
  return grpcObject;
}

/**
 * The typed promise client of the account service, what the order service and the gateway import.
 * Every call has a deadline and retries UNAVAILABLE; failures are RemoteErrors carrying the account error code.
 */
export class AccountClient {
  private constructor(
    private readonly stub: AccountServiceClient,
    private readonly policy: CallPolicy,
  ) {}

  /** Connects lazily: the first call waits for the channel, so a client can exist before the service is up. */
  static connect(address: string, policy: CallPolicy = DEFAULT_CALL_POLICY): AccountClient {
    const { AccountService } = accountProto().shop.account.v1;
    return new AccountClient(new AccountService(address, credentials.createInsecure(), CLIENT_CHANNEL_OPTIONS), policy);
  }

  async create(input: { name: string; email: string }): Promise<AccountView> {
    const response = await callUnary(this.stub.createAccount.bind(this.stub), input, this.policy);
    return fromProto(response.account);
  }

  async get(id: string): Promise<AccountView> {
    const response = await callUnary(this.stub.getAccount.bind(this.stub), { id }, this.policy);
    return fromProto(response.account);
  }

  /** The accounts with these ids in the order asked for; unknown ids are left out. One call for all. */
  async getMany(ids: readonly string[]): Promise<AccountView[]> {
    const response = await callUnary(this.stub.getAccounts.bind(this.stub), { ids: [...ids] }, this.policy);
    return response.accounts.map(fromProto);
  }

  async list(page: { pageSize?: number; pageToken?: string } = {}): Promise<AccountPageView> {
    const request = { pageSize: int32ForWire(page.pageSize ?? 0, 'page_size', 'ACCOUNT.INVALID_PAGE_SIZE'), pageToken: page.pageToken ?? '' };
    const response = await callUnary(this.stub.listAccounts.bind(this.stub), request, this.policy);
    return { accounts: response.accounts.map(fromProto), nextPageToken: response.nextPageToken || undefined };
  }

  async update(id: string, changes: { name?: string; email?: string }): Promise<AccountView> {
    const response = await callUnary(this.stub.updateAccount.bind(this.stub), { id, ...changes }, this.policy);
    return fromProto(response.account);
  }

  async delete(id: string): Promise<void> {
    await callUnary(this.stub.deleteAccount.bind(this.stub), { id }, this.policy);
  }

  /** Every change of the account, oldest first, also after it was deleted. */
  async history(id: string): Promise<HistoryEntryView[]> {
    const response = await callUnary(this.stub.listHistory.bind(this.stub), { aggregateId: id }, this.policy);
    return response.entries.map(fromHistoryEntryProto);
  }

  close(): void {
    this.stub.close();
  }
}

function fromProto(account: Account__Output | null): AccountView {
  if (!account) throw new Error('account service answered without an account');
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    createdAt: fromTimestamp(account.createTime),
    updatedAt: fromTimestamp(account.updateTime),
  };
}
