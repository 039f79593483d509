// The table `pnpm bench` prints and the JSON copy it keeps under bench-results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of the target table. */
export interface BenchRow {
  id: string;
  measure: string;
  value: string;
  baseline: string;
  /** value ÷ baseline, when the target is a ratio. */
  ratio?: number;
  target: string;
  met: boolean;
  /** Backend calls of one request, per service, where the row is a GraphQL request. */
  calls?: Record<string, number>;
}

const pad = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

/** The table, one line per row, widths fixed so two runs line up. */
export function formatTable(rows: BenchRow[]): string {
  const header = `${pad('id', 8)}${pad('measure', 54)}${pad('value', 52)}${pad('baseline', 24)}${pad('ratio', 7)}${pad('target', 40)}met`;
  const lines = rows.map(
    (row) =>
      `${pad(row.id, 8)}${pad(row.measure, 54)}${pad(row.value, 52)}${pad(row.baseline, 24)}${pad(row.ratio === undefined ? '' : row.ratio.toFixed(2), 7)}${pad(row.target, 40)}${row.met ? 'yes' : 'NO'}`,
  );
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}

/** Writes the run as bench-results/bench-<time>.json (git-ignored) and answers the path. */
export function writeResults(root: string, run: { quick: boolean; startedAt: string; seconds: number; machine: string; rows: BenchRow[]; details: unknown }): string {
  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `bench-${run.startedAt.replace(/[:.]/g, '-')}${run.quick ? '-quick' : ''}.json`);
  writeFileSync(path, `${JSON.stringify(run, null, 2)}\n`);
  return path;
}
