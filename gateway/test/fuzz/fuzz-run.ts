import fc from 'fast-check';
import { clip, type FuzzCampaign } from './fuzz-campaign.js';

// Runs the cases of a campaign under fast-check, in one of two ways: `assert` stops at the first failing case,
// shrinks it and throws fast-check's report (counterexample, seed and path), as the CI test wants; `collect` sends
// every case, keeps each failure with the seed and path that replay it (FUZZ_SEED, FUZZ_PATH), as `pnpm fuzz` wants.

/** How many cases, from which seed, and what a failure does. */
export interface FuzzRunOptions {
  runs: number;
  seed: number;
  /** Replays from this fast-check path (with the seed that found it). */
  path?: string | undefined;
  mode: 'assert' | 'collect';
  /** Told how far the run is, every 1,000 cases. */
  progress?: (line: string) => void;
}

/** The seed of a run: FUZZ_SEED when set, else a new one (printed by the caller, so any run can be replayed). */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.FUZZ_SEED);
  return env.FUZZ_SEED && Number.isInteger(given) ? given : Date.now() ^ (Math.random() * 0x7fffffff);
}

/** Sends `options.runs` cases; in `assert` mode throws fast-check's report on the first failure. */
export async function runFuzz(campaign: FuzzCampaign, options: FuzzRunOptions): Promise<void> {
  let index = options.path ? Number(options.path.split(':')[0]) : 0;
  const property = fc.asyncProperty(campaign.arbitrary(), async (fuzzCase) => {
    const path = String(index);
    index += 1;
    const { problems, request } = await campaign.run(fuzzCase);
    if (index % 1_000 === 0) options.progress?.(`${index} cases, ${campaign.tally.failures.length + problems.length} failing`);
    if (problems.length === 0) return;
    campaign.tally.failures.push({ seed: options.seed, path, problems, request });
    if (options.mode === 'assert') throw new Error(`${problems.join('\n')}\nrequest: ${request}`);
  });
  await fc.assert(property, {
    numRuns: options.runs,
    seed: options.seed,
    ...(options.path ? { path: options.path } : {}),
    // fast-check's own report, clipped: a counterexample may hold a 200,000-character string.
    reporter: (details) => {
      if (!details.failed) return;
      const cause = details.errorInstance instanceof Error ? details.errorInstance.stack ?? details.errorInstance.message : String(details.errorInstance);
      throw new Error(clip(`${cause}\n\n${fc.defaultReportMessage(details) ?? 'fuzz case failed'}`, 20_000));
    },
  });
}
