import { unary, type ServiceRegistration } from '@shop/grpc-kit';
import type { Logger } from '@shop/logger';
import type { VersionPageRequest } from '@shop/pagination';
import { loadPackageDefinition, protoFiles, toGrpcObject, toHistoryEntryProto, type PackageDefinition } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/account';
import type { AccountServiceHandlers } from '@shop/proto/generated/shop/account/v1/AccountService';
import type { AccountService } from '../service/account-service.js';
import type { IdentityService } from '../service/identity-service.js';
import { changesFromProto, createAccountFromProto, roleFromProto, toAuthResponse, toProto } from './account-proto-mapper.js';

/** The account proto as loaded at runtime; also what reflection serves. */
export const accountPackageDefinition: PackageDefinition = loadPackageDefinition(protoFiles.account);

/** Fully qualified name of the gRPC service, as health checks and reflection name it. */
export const ACCOUNT_SERVICE_NAME = 'shop.account.v1.AccountService';

/** A history page request off the wire: the int64 version as a number, which the use case checks (a value past 2^53 is refused). */
function historyPageFromProto(request: { pageSize: number; afterVersion: string }): VersionPageRequest {
  return { pageSize: request.pageSize, afterVersion: Number(request.afterVersion) };
}

/**
 * The gRPC handlers of AccountService: map the request, call the use case with the caller the interceptor
 * verified, map the answer. Access rules and errors are not decided here: the use cases' hooks and grpc-kit do it.
 */
export function accountGrpcService(services: { accounts: AccountService; identity: IdentityService }, logger: Logger): ServiceRegistration {
  const { accounts, identity } = services;
  const handlers: AccountServiceHandlers = {
    CreateAccount: unary(logger, async (request, caller) => ({ account: toProto(await identity.createAccount(caller, createAccountFromProto(request))) })),
    GetAccount: unary(logger, async (request, caller) => ({ account: toProto(await accounts.get(caller, request.id)) })),
    GetAccounts: unary(logger, async (request, caller) => ({ accounts: (await accounts.getMany(caller, request.ids)).map(toProto) })),
    ListAccounts: unary(logger, async (request, caller) => {
      const page = await accounts.list(caller, request.pageSize, request.pageToken);
      return { accounts: page.items.map(toProto), nextPageToken: page.nextPageToken ?? '' };
    }),
    UpdateAccount: unary(logger, async (request, caller) => ({ account: toProto(await accounts.update(caller, request.id, changesFromProto(request))) })),
    DeleteAccount: unary(logger, async (request, caller) => {
      await accounts.delete(caller, request.id);
      return {};
    }),
    ListHistory: unary(logger, async (request, caller) => ({
      entries: (await accounts.history(caller, request.aggregateId, historyPageFromProto(request))).map(toHistoryEntryProto),
    })),
    ListHistories: unary(logger, async (request, caller) => ({
      histories: (await accounts.histories(caller, request.aggregateIds, historyPageFromProto(request))).map((entries) => ({ entries: entries.map(toHistoryEntryProto) })),
    })),
    Register: unary(logger, async (request, caller) => toAuthResponse(await identity.register(caller, request))),
    Login: unary(logger, async (request, caller) => toAuthResponse(await identity.login(caller, request))),
    RefreshToken: unary(logger, async (request, caller) => toAuthResponse(await identity.refresh(caller, request))),
    Logout: unary(logger, async (request, caller) => ({ revoked: await identity.logout(caller, request) })),
    ChangePassword: unary(logger, async (request, caller) => toAuthResponse(await identity.changePassword(caller, request))),
    SetAccountRole: unary(logger, async (request, caller) => ({
      account: toProto(await identity.setRole(caller, { id: request.id, role: roleFromProto(request.role) ?? '' })),
    })),
    GetMe: unary(logger, async (_request, caller) => {
      const account = await accounts.me(caller);
      return account ? { account: toProto(account) } : {};
    }),
    GetJwks: unary(logger, async (_request, caller) => ({ keys: (await identity.jwks(caller)).keys })),
  };
  const grpcObject = toGrpcObject<ProtoGrpcType>(accountPackageDefinition);
  return { name: ACCOUNT_SERVICE_NAME, definition: grpcObject.shop.account.v1.AccountService.service, implementation: handlers };
}
