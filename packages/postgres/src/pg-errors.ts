/** Postgres SQLSTATE codes the repositories react to. */
export const PgErrorCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  serializationFailure: '40001',
} as const;

interface PgDatabaseError {
  code: string;
  constraint?: string;
}

function isPgError(error: unknown): error is PgDatabaseError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** True when `error` is a unique violation, optionally of one named constraint (so a race on it maps to a domain conflict). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return (
    isPgError(error) &&
    error.code === PgErrorCode.uniqueViolation &&
    (constraint === undefined || error.constraint === constraint)
  );
}
