/** Postgres SQLSTATE codes the repositories react to. */
export const PgErrorCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  serializationFailure: '40001',
  /** A statement cancelled: statement_timeout, or a cancel sent because its request ended. */
  queryCanceled: '57014',
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

const connectionErrnos = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/**
 * True when `error` means the database could not be reached or dropped the connection
 * (as opposed to a query the database refused), so callers can answer UNAVAILABLE instead of INTERNAL.
 */
export function isConnectionError(error: unknown): boolean {
  if (!isPgError(error)) {
    return error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(error.message);
  }
  // SQLSTATE class 08 (connection exception) and 57P0x (server shutting down or starting up).
  return connectionErrnos.has(error.code) || error.code.startsWith('08') || /^57P0[1-3]$/.test(error.code);
}

/** True when Postgres cancelled the statement (statement_timeout, or a cancel sent because its request ended), or it never started for that reason. */
export function isQueryCancelled(error: unknown): boolean {
  return isPgError(error) && error.code === PgErrorCode.queryCanceled;
}

/**
 * A statement not started because the request it was for had already ended (its call was cancelled or its
 * deadline passed). It carries Postgres's own SQLSTATE for a cancelled statement, so callers treat it like one.
 */
export class QueryCancelledError extends Error {
  readonly code = PgErrorCode.queryCanceled;

  constructor() {
    super('statement not run: its request was cancelled or its deadline passed');
    this.name = 'QueryCancelledError';
  }
}
