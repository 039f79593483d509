import type { Logger } from '@shop/logger';
import { DenyList } from './deny-list.js';
import { JwksCache, type JwksSource } from './jwks-cache.js';
import { startRevocationFeed, type RevocationFeed } from './revocation-feed.js';
import { TokenVerifier } from './token-verifier.js';

/** Everything a process needs to check tokens: the verifier, the keys it trusts and the deny list behind it. */
export interface Authentication {
  verifier: TokenVerifier;
  keys: JwksCache;
  denyList: DenyList;
  /** Stops the revocation feed. */
  stop(): Promise<void>;
}

/**
 * Wires token checking the way every process of the shop does it: keys from `jwks` (cached, refetched on an
 * unknown kid), and a deny list fed by the account's revocation events on NATS when a NATS URL is given.
 */
export function startAuthentication(options: { jwks: JwksSource; natsUrl?: string | undefined; logger: Logger; name: string }): Authentication {
  const denyList = new DenyList();
  const keys = new JwksCache(options.jwks);
  const feed: RevocationFeed | undefined = options.natsUrl
    ? startRevocationFeed({ natsUrl: options.natsUrl, denyList, logger: options.logger, name: options.name })
    : undefined;
  return { verifier: new TokenVerifier(keys, denyList), keys, denyList, stop: async () => feed?.stop() };
}
