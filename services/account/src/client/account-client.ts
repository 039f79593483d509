import { randomUUID } from 'node:crypto';
import { credentials } from '@grpc/grpc-js';
import { callUnary, CLIENT_CHANNEL_OPTIONS, DEFAULT_CALL_POLICY, int32ForWire, int64ForWire, mayRetry, type CallContext, type CallPolicy } from '@shop/grpc-kit';
import type { Jwks, PublicJwk } from '@shop/identity';
import { fromHistoryEntryProto, fromTimestamp, loadPackageDefinition, protoFiles, toGrpcObject } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/account';
import type { Account__Output } from '@shop/proto/generated/shop/account/v1/Account';
import type { AccountServiceClient } from '@shop/proto/generated/shop/account/v1/AccountService';
import type { AuthResponse__Output } from '@shop/proto/generated/shop/account/v1/AuthResponse';
import { ACCOUNT_RETRIES } from './account-retries.js';
import type { AccountPageView, AccountView, AuthView, HistoryEntryView, HistoryPageInput } from './account-view.js';

let grpcObject: ProtoGrpcType | undefined;

function accountProto(): ProtoGrpcType {
  grpcObject ??= toGrpcObject<ProtoGrpcType>(loadPackageDefinition(protoFiles.account));
  return grpcObject;
}

/**
 * The typed promise client of the account service, what the order service, the gateway and the seed import.
 * Every call carries the caller's token from its CallContext and has a deadline (shrunk to what is left of the
 * incoming call's when made from a handler); UNAVAILABLE is retried as ACCOUNT_RETRIES says (reads, and
 * createAccount with its request_id). Failures are RemoteErrors carrying the account error code.
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

  /**
   * Admin only: an account with any role, with or without a password. The call carries a request_id made here once
   * (or the caller's own `requestId`) and kept across the retries, so a retry after a lost answer gets the account
   * the first attempt made instead of ALREADY_EXISTS on its own email.
   */
  async create(
    input: { name: string; email: string; password?: string | undefined; role?: 'CUSTOMER' | 'ADMIN' | undefined; requestId?: string | undefined },
    context?: CallContext,
  ): Promise<AccountView> {
    const request = { ...input, requestId: input.requestId ?? randomUUID() };
    const response = await callUnary(this.stub.createAccount.bind(this.stub), request, this.policy, context, mayRetry(ACCOUNT_RETRIES.createAccount, true));
    return fromProto(response.account);
  }

  async get(id: string, context?: CallContext): Promise<AccountView> {
    const response = await callUnary(this.stub.getAccount.bind(this.stub), { id }, this.policy, context, mayRetry(ACCOUNT_RETRIES.getAccount));
    return fromProto(response.account);
  }

  /** The accounts with these ids (that the caller may see) in the order asked for; unknown ids are left out. One call for all. */
  async getMany(ids: readonly string[], context?: CallContext): Promise<AccountView[]> {
    const response = await callUnary(this.stub.getAccounts.bind(this.stub), { ids: [...ids] }, this.policy, context, mayRetry(ACCOUNT_RETRIES.getAccounts));
    return response.accounts.map(fromProto);
  }

  async list(page: { pageSize?: number; pageToken?: string } = {}, context?: CallContext): Promise<AccountPageView> {
    const request = { pageSize: int32ForWire(page.pageSize ?? 0, 'page_size', 'ACCOUNT.INVALID_PAGE_SIZE'), pageToken: page.pageToken ?? '' };
    const response = await callUnary(this.stub.listAccounts.bind(this.stub), request, this.policy, context, mayRetry(ACCOUNT_RETRIES.listAccounts));
    return { accounts: response.accounts.map(fromProto), nextPageToken: response.nextPageToken || undefined };
  }

  async update(id: string, changes: { name?: string; email?: string }, context?: CallContext): Promise<AccountView> {
    const response = await callUnary(this.stub.updateAccount.bind(this.stub), { id, ...changes }, this.policy, context, mayRetry(ACCOUNT_RETRIES.updateAccount));
    return fromProto(response.account);
  }

  async delete(id: string, context?: CallContext): Promise<void> {
    await callUnary(this.stub.deleteAccount.bind(this.stub), { id }, this.policy, context, mayRetry(ACCOUNT_RETRIES.deleteAccount));
  }

  /** A page of the account's changes, oldest first, also after it was deleted; a bare id asks for the first 50. */
  async history(request: string | ({ id: string } & HistoryPageInput), context?: CallContext): Promise<HistoryEntryView[]> {
    const { id, ...page } = typeof request === 'string' ? { id: request } : request;
    const response = await callUnary(this.stub.listHistory.bind(this.stub), { aggregateId: id, ...historyPageForWire(page) }, this.policy, context, mayRetry(ACCOUNT_RETRIES.listHistory));
    return response.entries.map(fromHistoryEntryProto);
  }

  /** The same page of the history of each account, in the order of `ids`, in one call (the gateway's nested history). */
  async histories(request: { ids: readonly string[] } & HistoryPageInput, context?: CallContext): Promise<HistoryEntryView[][]> {
    const { ids, ...page } = request;
    const response = await callUnary(this.stub.listHistories.bind(this.stub), { aggregateIds: [...ids], ...historyPageForWire(page) }, this.policy, context, mayRetry(ACCOUNT_RETRIES.listHistories));
    return response.histories.map((history) => history.entries.map(fromHistoryEntryProto));
  }

  /** A new customer, signed in. */
  async register(input: { name: string; email: string; password: string }, context?: CallContext): Promise<AuthView> {
    return fromAuthProto(await callUnary(this.stub.register.bind(this.stub), input, this.policy, context, mayRetry(ACCOUNT_RETRIES.register)));
  }

  async login(input: { email: string; password: string }, context?: CallContext): Promise<AuthView> {
    return fromAuthProto(await callUnary(this.stub.login.bind(this.stub), input, this.policy, context, mayRetry(ACCOUNT_RETRIES.login)));
  }

  /** A new pair for a refresh token, which then no longer works. */
  async refresh(refreshToken: string, context?: CallContext): Promise<AuthView> {
    return fromAuthProto(await callUnary(this.stub.refreshToken.bind(this.stub), { refreshToken }, this.policy, context, mayRetry(ACCOUNT_RETRIES.refreshToken)));
  }

  /** Revokes the caller's refresh token; false when it was not a live token of the caller. */
  async logout(refreshToken: string, context?: CallContext): Promise<boolean> {
    return (await callUnary(this.stub.logout.bind(this.stub), { refreshToken }, this.policy, context, mayRetry(ACCOUNT_RETRIES.logout))).revoked;
  }

  async changePassword(input: { currentPassword: string; newPassword: string }, context?: CallContext): Promise<AuthView> {
    return fromAuthProto(await callUnary(this.stub.changePassword.bind(this.stub), input, this.policy, context, mayRetry(ACCOUNT_RETRIES.changePassword)));
  }

  async setRole(id: string, role: 'CUSTOMER' | 'ADMIN', context?: CallContext): Promise<AccountView> {
    return fromProto((await callUnary(this.stub.setAccountRole.bind(this.stub), { id, role }, this.policy, context, mayRetry(ACCOUNT_RETRIES.setAccountRole))).account);
  }

  /** The caller's own account; undefined when the call is anonymous. */
  async me(context?: CallContext): Promise<AccountView | undefined> {
    const response = await callUnary(this.stub.getMe.bind(this.stub), {}, this.policy, context, mayRetry(ACCOUNT_RETRIES.getMe));
    return response.account ? fromProto(response.account) : undefined;
  }

  /** The public keys access tokens are signed with: what every process checks tokens against. */
  async jwks(context?: CallContext): Promise<Jwks> {
    const response = await callUnary(this.stub.getJwks.bind(this.stub), {}, this.policy, context, mayRetry(ACCOUNT_RETRIES.getJwks));
    // As served; JwksCache keeps only the Ed25519 keys among them.
    return { keys: response.keys.map((key) => ({ kty: key.kty, crv: key.crv, x: key.x, kid: key.kid, alg: key.alg, use: key.use }) as PublicJwk) };
  }

  close(): void {
    this.stub.close();
  }
}

/** A history page for the wire; a size or version the fields cannot hold is refused here, as the service would. */
function historyPageForWire(page: HistoryPageInput): { pageSize: number; afterVersion: string } {
  const afterVersion = page.afterVersion ?? 0;
  return {
    pageSize: int32ForWire(page.pageSize ?? 0, 'page_size', 'ACCOUNT.INVALID_PAGE_SIZE'),
    // Only a whole number becomes a bigint; anything else reaches int64ForWire as it is, which refuses it.
    afterVersion: int64ForWire(Number.isSafeInteger(afterVersion) ? BigInt(afterVersion) : (afterVersion as unknown as bigint), 'after_version', 'ACCOUNT.INVALID_AFTER_VERSION'),
  };
}

function fromProto(account: Account__Output | null): AccountView {
  if (!account) throw new Error('account service answered without an account');
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    role: account.role === 'ADMIN' ? 'ADMIN' : 'CUSTOMER',
    createdAt: fromTimestamp(account.createTime),
    updatedAt: fromTimestamp(account.updateTime),
  };
}

function fromAuthProto(response: AuthResponse__Output): AuthView {
  return { accessToken: response.accessToken, refreshToken: response.refreshToken, expiresAt: fromTimestamp(response.expireTime), account: fromProto(response.account) };
}
