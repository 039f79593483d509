// What a fuzz run saw: answers counted by HTTP status, GraphQL extensions.code and gRPC status, the slow answers,
// and the failures, with what is needed to replay each.

/** Answers slower than this are listed (and counted), never asserted on. */
export const SLOW_ANSWER_MS = 2_000;

/** One answer as the tally keeps it. */
export interface AnswerRecord {
  /** graphql, grpc or http. */
  kind: string;
  /** What was called: `query.products`, `grpc catalog.SearchProducts`, `http POST`. */
  target: string;
  /** Whether the call succeeded (HTTP 200 without errors, gRPC OK), to show which targets the run got through to. */
  ok: boolean;
  /** A short description of the request, for the slow list. */
  label: string;
  ms: number;
  /** `HTTP 400`, or `gRPC INVALID_ARGUMENT`, or `HTTP none` for a socket closed without an answer. */
  status: string;
  /** The GraphQL extensions.code of each error (`NO_CODE` for an error without one). */
  codes: string[];
}

/** One failed case: what went wrong, and the seed and path that replay it. */
export interface FailureRecord {
  seed: number;
  path: string;
  problems: string[];
  request: string;
}

/** Counts of a fuzz run. */
export class FuzzTally {
  readonly cases = new Map<string, number>();
  readonly statuses = new Map<string, number>();
  readonly codes = new Map<string, number>();
  readonly failures: FailureRecord[] = [];
  private readonly targets = new Map<string, { total: number; ok: number }>();
  private readonly slowest: AnswerRecord[] = [];
  slowCount = 0;
  unsendable = 0;
  /** Mutations whose root field ran, yet whose answer an error below it (a bad `first`, say) turned into null. */
  readonly nulledMutations: string[] = [];

  /** Counts one answer. */
  record(answer: AnswerRecord): void {
    bump(this.cases, answer.kind);
    const target = this.targets.get(answer.target) ?? { total: 0, ok: 0 };
    this.targets.set(answer.target, { total: target.total + 1, ok: target.ok + (answer.ok ? 1 : 0) });
    bump(this.statuses, answer.status);
    for (const code of new Set(answer.codes)) bump(this.codes, code);
    if (answer.ms > SLOW_ANSWER_MS) this.slowCount += 1;
    this.slowest.push(answer);
    this.slowest.sort((a, b) => b.ms - a.ms);
    this.slowest.length = Math.min(this.slowest.length, 10);
  }

  /** The report printed at the end of a run. */
  summary(seed: number, runs: number, elapsedMs: number): string {
    const lines = [`fuzz: ${runs} cases in ${(elapsedMs / 1000).toFixed(1)} s, seed ${seed}`];
    lines.push(`cases by kind: ${format(this.cases)}${this.unsendable > 0 ? ` (${this.unsendable} gRPC requests protobufjs refused to encode, not sent)` : ''}`);
    lines.push(`answers by status: ${format(this.statuses)}`);
    lines.push(`GraphQL errors by extensions.code (answers holding each): ${format(this.codes)}`);
    const targets = [...this.targets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([target, { total, ok }]) => `${target} ${ok}/${total}`);
    lines.push('successful answers / cases, by target:');
    for (let start = 0; start < targets.length; start += 5) lines.push(`  ${targets.slice(start, start + 5).join(', ')}`);
    lines.push(`answers over ${SLOW_ANSWER_MS} ms: ${this.slowCount}`);
    lines.push(`mutations that ran but answered null for an error below their root field: ${this.nulledMutations.length}`);
    for (const example of this.nulledMutations.slice(0, 3)) lines.push(`  ${example}`);
    lines.push('slowest answers:');
    for (const answer of this.slowest) lines.push(`  ${answer.ms.toFixed(0).padStart(6)} ms  ${answer.status}  ${answer.label}`);
    lines.push(`failures: ${this.failures.length}`);
    for (const failure of this.failures) {
      lines.push(`  seed ${failure.seed} path ${failure.path}: ${failure.problems.join('; ')}`);
      lines.push(`    ${failure.request}`);
    }
    return lines.join('\n');
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function format(counts: Map<string, number>): string {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key}: ${count}`)
    .join(', ');
}
