import { aggregateEventCodec, decodePayload, type Envelope, EventRegistry, type NewEvent } from '@shop/events';
import { toTimestamp } from '@shop/proto';
import type { AccountEvent, AccountEventCodec } from '../domain/account-events.js';
import { toProto } from '../server/account-proto-mapper.js';

/** The account service's events: published on shop.account.account.<event>, stream SHOP_ACCOUNT. */
export const accountEventRegistry = new EventRegistry('account', [
  { type: 'shop.account.v1.AccountCreated', aggregateType: 'account', subject: 'shop.account.account.created' },
  { type: 'shop.account.v1.AccountUpdated', aggregateType: 'account', subject: 'shop.account.account.updated' },
  { type: 'shop.account.v1.AccountDeleted', aggregateType: 'account', subject: 'shop.account.account.deleted' },
  { type: 'shop.account.v1.AccountRoleChanged', aggregateType: 'account', subject: 'shop.account.account.role_changed' },
  { type: 'shop.account.v1.AccountPasswordChanged', aggregateType: 'account', subject: 'shop.account.account.password_changed' },
  { type: 'shop.account.v1.AccountSessionsRevoked', aggregateType: 'account', subject: 'shop.account.account.sessions_revoked' },
]);

const CREATED_FIELDS = ['name', 'email', 'role'];

const notBefore = (seconds: number) => toTimestamp(new Date(seconds * 1000));

function toNewEvent(event: AccountEvent): NewEvent {
  switch (event.kind) {
    case 'created':
      return { type: 'shop.account.v1.AccountCreated', aggregateId: event.account.id, message: { account: toProto(event.account) } };
    case 'updated':
      return { type: 'shop.account.v1.AccountUpdated', aggregateId: event.account.id, message: { account: toProto(event.account), changedFields: event.changedFields } };
    case 'deleted':
      return { type: 'shop.account.v1.AccountDeleted', aggregateId: event.accountId, message: { accountId: event.accountId } };
    case 'roleChanged':
      return {
        type: 'shop.account.v1.AccountRoleChanged',
        aggregateId: event.account.id,
        message: { accountId: event.account.id, role: event.account.role, tokensNotBefore: notBefore(event.tokensNotBefore) },
      };
    case 'passwordChanged':
      return { type: 'shop.account.v1.AccountPasswordChanged', aggregateId: event.accountId, message: { accountId: event.accountId, tokensNotBefore: notBefore(event.tokensNotBefore) } };
    case 'sessionsRevoked':
      return {
        type: 'shop.account.v1.AccountSessionsRevoked',
        aggregateId: event.accountId,
        message: { accountId: event.accountId, tokensNotBefore: notBefore(event.tokensNotBefore), reason: event.reason },
      };
  }
}

function changedFieldsOf(envelope: Envelope): string[] {
  switch (envelope.eventType) {
    case 'shop.account.v1.AccountCreated':
      return CREATED_FIELDS;
    case 'shop.account.v1.AccountUpdated':
      return decodePayload<{ changedFields: string[] }>(envelope).changedFields;
    case 'shop.account.v1.AccountRoleChanged':
      return ['role'];
    case 'shop.account.v1.AccountPasswordChanged':
      return ['password'];
    default:
      return [];
  }
}

/** Account events <-> protobuf envelopes, for the outbox writes and the history reads of the repositories. */
export const accountEventsWire: AccountEventCodec = aggregateEventCodec(accountEventRegistry, toNewEvent, changedFieldsOf);
