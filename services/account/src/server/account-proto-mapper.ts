import { toTimestamp } from '@shop/proto';
import type { Account as AccountProto } from '@shop/proto/generated/shop/account/v1/Account';
import type { UpdateAccountRequest__Output } from '@shop/proto/generated/shop/account/v1/UpdateAccountRequest';
import type { Account, AccountChanges } from '../domain/account.js';

/** Domain -> wire. */
export function toProto(account: Account): AccountProto {
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    createTime: toTimestamp(account.createdAt),
    updateTime: toTimestamp(account.updatedAt),
  };
}

/** Wire -> domain changes: proto3 `optional` fields are present only when the client set them. */
export function changesFromProto(request: UpdateAccountRequest__Output): AccountChanges {
  return { name: request.name, email: request.email };
}
