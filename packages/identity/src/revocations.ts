import { decodePayload, type Envelope } from '@shop/events';
import { fromTimestamp } from '@shop/proto';
import type { Revocation } from './deny-list.js';

/** The account service's events that revoke tokens, and the subjects they travel on. */
export const REVOCATION_EVENT_TYPES = [
  'shop.account.v1.AccountRoleChanged',
  'shop.account.v1.AccountPasswordChanged',
  'shop.account.v1.AccountSessionsRevoked',
  'shop.account.v1.AccountDeleted',
] as const;

/** The account stream's subjects, of which the revocation feed reads the events above. */
export const ACCOUNT_EVENTS_SUBJECT = 'shop.account.account.>';

interface RevocationMessage {
  accountId: string;
  tokensNotBefore?: { seconds: string; nanos: number } | null;
}

/** The revocation an account event carries, or undefined for events that revoke nothing. */
export function revocationOf(envelope: Envelope): Revocation | undefined {
  if (!(REVOCATION_EVENT_TYPES as readonly string[]).includes(envelope.eventType)) return undefined;
  const message = decodePayload<RevocationMessage>(envelope);
  const at = envelope.occurredAt.getTime();
  // A deleted account's tokens never work again; the others stop for tokens issued before the revocation.
  if (envelope.eventType === 'shop.account.v1.AccountDeleted') return { accountId: message.accountId, notBefore: Number.POSITIVE_INFINITY, at };
  if (!message.tokensNotBefore) return undefined;
  return { accountId: message.accountId, notBefore: Math.floor(fromTimestamp(message.tokensNotBefore).getTime() / 1000), at };
}

/** The `tokens_not_before` of a revocation made at `now`: the next whole second, so every token issued up to now is older. */
export function notBeforeAfter(now: Date): number {
  return Math.floor(now.getTime() / 1000) + 1;
}
