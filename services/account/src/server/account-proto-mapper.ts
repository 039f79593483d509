import { toTimestamp } from '@shop/proto';
import type { Account as AccountProto } from '@shop/proto/generated/shop/account/v1/Account';
import type { AuthResponse } from '@shop/proto/generated/shop/account/v1/AuthResponse';
import type { CreateAccountRequest__Output } from '@shop/proto/generated/shop/account/v1/CreateAccountRequest';
import type { Role__Output } from '@shop/proto/generated/shop/account/v1/Role';
import type { UpdateAccountRequest__Output } from '@shop/proto/generated/shop/account/v1/UpdateAccountRequest';
import type { Account, AccountChanges, AccountRole } from '../domain/account.js';
import type { AccountOperations, Session } from '../service/account-operations.js';

/** Domain -> wire. */
export function toProto(account: Account): AccountProto {
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    role: account.role,
    createTime: toTimestamp(account.createdAt),
    updateTime: toTimestamp(account.updatedAt),
  };
}

/** Session -> wire. */
export function toAuthResponse(session: Session): AuthResponse {
  return { accessToken: session.accessToken, refreshToken: session.refreshToken, expireTime: toTimestamp(session.expiresAt), account: toProto(session.account) };
}

/** Wire -> domain changes: proto3 `optional` fields are present only when the client set them. */
export function changesFromProto(request: UpdateAccountRequest__Output): AccountChanges {
  return { name: request.name, email: request.email };
}

/**
 * A wire role as the service reads it: CUSTOMER and ADMIN as they are, ROLE_UNSPECIFIED (the proto default) as
 * absent, and anything else (a number protobufjs could not name) passed on for the service to refuse, naming `role`.
 */
export function roleFromProto(role: Role__Output | number): AccountRole | string | undefined {
  if (role === 'ROLE_UNSPECIFIED' || role === 0) return undefined;
  return String(role);
}

/** Wire -> createAccount input. */
export function createAccountFromProto(request: CreateAccountRequest__Output): AccountOperations['createAccount']['input'] {
  const role = roleFromProto(request.role);
  return { name: request.name, email: request.email, password: request.password, role, requestId: request.requestId };
}
