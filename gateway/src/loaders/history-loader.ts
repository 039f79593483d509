import DataLoader from 'dataloader';
import type { HistoryEntryView } from '@shop/account/client';
import { ValidationError } from '@shop/errors';
import { requireFirst } from '../input/arguments.js';
import { GatewayErrorCode } from '../input/input-error-codes.js';
import { MAX_BATCH_IDS } from './by-id-loader.js';

/** How many entries a history field answers when the client gives no `first` (API.md: 50). */
export const DEFAULT_HISTORY_FIRST = 50;

/** One record's history page: `first` and `afterVersion` already checked. */
export interface HistoryPageKey {
  id: string;
  first: number;
  afterVersion: number;
}

/** A service's batch history read (ListHistories): the same page of each id, in the order of `ids`. */
export type ReadHistories = (request: { ids: readonly string[]; pageSize: number; afterVersion: number }) => Promise<HistoryEntryView[][]>;

/**
 * Checks a history field's arguments before any call: `first` 1..100 (null: 50), `afterVersion` a whole number from
 * 0 (null: 0); anything else is BAD_USER_INPUT on that argument. GraphQL's Int already refuses what is not 32-bit.
 */
export function historyPageKey(id: string, args: { first?: number | null; afterVersion?: number | null }): HistoryPageKey {
  const afterVersion = args.afterVersion ?? 0;
  if (!Number.isSafeInteger(afterVersion) || afterVersion < 0) {
    throw new ValidationError(GatewayErrorCode.invalidAfterVersion, 'afterVersion', `afterVersion must be a whole number from 0, got ${afterVersion}`);
  }
  return { id, first: requireFirst(args.first ?? DEFAULT_HISTORY_FIRST), afterVersion };
}

/**
 * A per-request loader of history pages: every history field of a response with the same `first` and
 * `afterVersion` becomes one ListHistories call to the record's service (a page of 50 products with their
 * history costs one call, not 50). Keyed by id, first and afterVersion.
 */
export function historyLoader(readHistories: ReadHistories): DataLoader<HistoryPageKey, HistoryEntryView[], string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, HistoryPageKey[]>();
      for (const key of keys) {
        const group = `${key.first}:${key.afterVersion}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<HistoryPageKey, HistoryEntryView[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { first, afterVersion } = group[0]!;
          const answers = await readHistories({ ids: group.map((key) => key.id), pageSize: first, afterVersion });
          group.forEach((key, index) => pages.set(key, answers[index] ?? []));
        }),
      );
      return keys.map((key) => pages.get(key)!);
    },
    { cacheKeyFn: (key) => `${key.id}:${key.first}:${key.afterVersion}`, maxBatchSize: MAX_BATCH_IDS },
  );
}
