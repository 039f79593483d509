import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { FuzzCampaign } from './fuzz-campaign.js';
import { fuzzSeed, runFuzz } from './fuzz-run.js';

// API.md "Abuse", fuzzed: 2,000 generated GraphQL operations (queries, mutations, subscriptions over HTTP; as
// anonymous, a customer, the admin and a forged token), direct gRPC calls to every method of the three services,
// and raw HTTP requests, all full of boundary and hostile values. None may be answered with HTTP 5xx,
// INTERNAL_SERVER_ERROR, gRPC INTERNAL/UNKNOWN or UNAVAILABLE; a refused create leaves the record counts alone;
// the gateway and the services stay healthy. The seed is printed: FUZZ_SEED (and FUZZ_PATH, from a failure's
// report) replays. FUZZ_RUNS changes the number of cases; FUZZ_MODE=collect sends them all even after a failure
// instead of stopping and shrinking, as `pnpm fuzz` (10,000 cases) does.

const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const MODE = process.env.FUZZ_MODE === 'collect' ? 'collect' : 'assert';
const seed = fuzzSeed();
let campaign: FuzzCampaign;

beforeAll(async () => {
  process.stdout.write(`fuzz seed ${seed} (FUZZ_SEED=${seed} replays this run), ${RUNS} cases\n`);
  campaign = await FuzzCampaign.start('fuzz');
}, 120_000);

afterAll(async () => {
  await campaign.stop();
});

it(
  `answers ${RUNS} hostile requests without a server error, a half-written record or a fall in health`,
  async () => {
    const started = performance.now();
    try {
      await runFuzz(campaign, { runs: RUNS, seed, path: process.env.FUZZ_PATH, mode: MODE, progress: (line) => process.stdout.write(`fuzz: ${line}\n`) });
    } finally {
      process.stdout.write(`${campaign.tally.summary(seed, RUNS, performance.now() - started)}\n`);
    }
    expect(campaign.tally.failures).toEqual([]);
    expect(await campaign.health()).toEqual([]);
  },
  // A few ms a case on these machines; the limit leaves room for slow CI machines, 10,000 cases and shrinking.
  120 * 60_000,
);
