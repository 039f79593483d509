import { unary, type ServiceRegistration } from '@shop/grpc-kit';
import type { Logger } from '@shop/logger';
import { loadPackageDefinition, protoFiles, toGrpcObject, toHistoryEntryProto, type PackageDefinition } from '@shop/proto';
import type { ProtoGrpcType } from '@shop/proto/generated/account';
import type { AccountServiceHandlers } from '@shop/proto/generated/shop/account/v1/AccountService';
import type { AccountService } from '../service/account-service.js';
import { changesFromProto, toProto } from './account-proto-mapper.js';

/** The account proto as loaded at runtime; also what reflection serves. */
export const accountPackageDefinition: PackageDefinition = loadPackageDefinition(protoFiles.account);

/** Fully qualified name of the gRPC service, as health checks and reflection name it. */
export const ACCOUNT_SERVICE_NAME = 'shop.account.v1.AccountService';

/** The gRPC handlers of AccountService: map the request, call the use case, map the answer. Errors map in grpc-kit. */
export function accountGrpcService(service: AccountService, logger: Logger): ServiceRegistration {
  const handlers: AccountServiceHandlers = {
    CreateAccount: unary(logger, async (request) => ({ account: toProto(await service.create(request)) })),
    GetAccount: unary(logger, async (request) => ({ account: toProto(await service.get(request.id)) })),
    GetAccounts: unary(logger, async (request) => ({ accounts: (await service.getMany(request.ids)).map(toProto) })),
    ListAccounts: unary(logger, async (request) => {
      const page = await service.list(request.pageSize, request.pageToken);
      return { accounts: page.items.map(toProto), nextPageToken: page.nextPageToken ?? '' };
    }),
    UpdateAccount: unary(logger, async (request) => ({
      account: toProto(await service.update(request.id, changesFromProto(request))),
    })),
    DeleteAccount: unary(logger, async (request) => {
      await service.delete(request.id);
      return {};
    }),
    ListHistory: unary(logger, async (request) => ({ entries: (await service.history(request.aggregateId)).map(toHistoryEntryProto) })),
  };
  const grpcObject = toGrpcObject<ProtoGrpcType>(accountPackageDefinition);
  return { name: ACCOUNT_SERVICE_NAME, definition: grpcObject.shop.account.v1.AccountService.service, implementation: handlers };
}
