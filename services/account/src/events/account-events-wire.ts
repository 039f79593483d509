import { aggregateEventCodec, decodePayload, type Envelope, EventRegistry, type NewEvent } from '@shop/events';
import type { AccountEvent } from '../domain/account-events.js';
import type { AccountEventCodec } from '../domain/account-events.js';
import { toProto } from '../server/account-proto-mapper.js';

/** The account service's events: published on shop.account.account.<event>, stream SHOP_ACCOUNT. */
export const accountEventRegistry = new EventRegistry('account', [
  { type: 'shop.account.v1.AccountCreated', aggregateType: 'account', subject: 'shop.account.account.created' },
  { type: 'shop.account.v1.AccountUpdated', aggregateType: 'account', subject: 'shop.account.account.updated' },
  { type: 'shop.account.v1.AccountDeleted', aggregateType: 'account', subject: 'shop.account.account.deleted' },
]);

const CREATED_FIELDS = ['name', 'email'];

function toNewEvent(event: AccountEvent): NewEvent {
  switch (event.kind) {
    case 'created':
      return { type: 'shop.account.v1.AccountCreated', aggregateId: event.account.id, message: { account: toProto(event.account) } };
    case 'updated':
      return { type: 'shop.account.v1.AccountUpdated', aggregateId: event.account.id, message: { account: toProto(event.account), changedFields: event.changedFields } };
    case 'deleted':
      return { type: 'shop.account.v1.AccountDeleted', aggregateId: event.accountId, message: { accountId: event.accountId } };
  }
}

function changedFieldsOf(envelope: Envelope): string[] {
  switch (envelope.eventType) {
    case 'shop.account.v1.AccountCreated':
      return CREATED_FIELDS;
    case 'shop.account.v1.AccountUpdated':
      return decodePayload<{ changedFields: string[] }>(envelope).changedFields;
    default:
      return [];
  }
}

/** Account events <-> protobuf envelopes, for the outbox writes and the history reads of the repositories. */
export const accountEventsWire: AccountEventCodec = aggregateEventCodec(accountEventRegistry, toNewEvent, changedFieldsOf);
