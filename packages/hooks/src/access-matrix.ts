import type { AccessRow, AccessTable } from './access-table.js';

/** The callers every matrix test plays: nobody, the owner of the records, another customer, an admin. */
export type MatrixCaller = 'anonymous' | 'customer' | 'other customer' | 'admin';

/**
 * What a call should come to: `allowed` (it ran; for `own` rules, on the caller's own record), `hidden` (the
 * record answers as if it did not exist: null, no edges, NOT_FOUND), or the error code.
 */
export type MatrixOutcome = 'allowed' | 'hidden' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** One case of the matrix. */
export interface MatrixCase<Operation extends string> {
  operation: Operation;
  caller: MatrixCaller;
  expected: MatrixOutcome;
}

function outcome(row: AccessRow, caller: MatrixCaller): MatrixOutcome {
  const rule = caller === 'anonymous' ? row.anonymous : caller === 'admin' ? row.admin : row.customer;
  if (rule === 'yes') return 'allowed';
  if (rule === 'own') return caller === 'other customer' ? 'hidden' : 'allowed';
  return rule;
}

/** Every operation of the table × every matrix caller, with the outcome the table promises: the matrix tests' cases. */
export function accessMatrix<Operation extends string>(table: AccessTable<Operation>): MatrixCase<Operation>[] {
  const callers: MatrixCaller[] = ['anonymous', 'customer', 'other customer', 'admin'];
  return (Object.keys(table) as Operation[]).flatMap((operation) => callers.map((caller) => ({ operation, caller, expected: outcome(table[operation], caller) })));
}
