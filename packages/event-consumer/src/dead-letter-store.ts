import type { Pool, Tx } from '@shop/postgres';

/** A dead letter as operators and the redrive see it. */
export interface DeadLetterView {
  consumer: string;
  eventId: string;
  /** null when the message was not an event envelope. */
  eventType: string | null;
  subject: string;
  /** The message bytes as they arrived (normally an encoded envelope). */
  envelope: Uint8Array;
  attempts: number;
  lastError: string;
  deadAt: Date;
  redrivenAt: Date | null;
}

/** What the consumer files when it gives up on a message. */
export type NewDeadLetter = Pick<DeadLetterView, 'consumer' | 'eventId' | 'eventType' | 'subject' | 'envelope' | 'attempts' | 'lastError'>;

interface DeadLetterRow {
  consumer: string;
  event_id: string;
  event_type: string | null;
  subject: string;
  envelope: Buffer;
  attempts: number;
  last_error: string;
  dead_at: Date;
  redriven_at: Date | null;
}

const COLUMNS = 'consumer, event_id, event_type, subject, envelope, attempts, last_error, dead_at, redriven_at';

function toView(row: DeadLetterRow): DeadLetterView {
  return {
    consumer: row.consumer,
    eventId: row.event_id,
    eventType: row.event_type,
    subject: row.subject,
    envelope: new Uint8Array(row.envelope),
    attempts: row.attempts,
    lastError: row.last_error,
    deadAt: row.dead_at,
    redrivenAt: row.redriven_at,
  };
}

/** Files a dead letter; the same event failing again (a republished copy) updates its letter instead of adding one. */
export async function writeDeadLetter(pool: Pool, letter: NewDeadLetter): Promise<void> {
  await pool.query(
    `INSERT INTO dead_letters (consumer, event_id, event_type, subject, envelope, attempts, last_error)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (consumer, event_id) DO UPDATE
       SET attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error, dead_at = now()`,
    [letter.consumer, letter.eventId, letter.eventType, letter.subject, Buffer.from(letter.envelope), letter.attempts, letter.lastError],
  );
}

/** A consumer's dead letters, oldest first: the waiting ones, or with `includeRedriven` the redriven ones too. */
export async function listDeadLetters(pool: Pool, consumer: string, options: { includeRedriven?: boolean } = {}): Promise<DeadLetterView[]> {
  const { rows } = await pool.query<DeadLetterRow>(
    `SELECT ${COLUMNS} FROM dead_letters
     WHERE consumer = $1 AND ($2 OR redriven_at IS NULL)
     ORDER BY dead_at, event_id`,
    [consumer, options.includeRedriven === true],
  );
  return rows.map(toView);
}

/** Locks a waiting dead letter for its redrive; undefined when it is gone, redriven, or being redriven by someone else. */
export async function lockWaitingDeadLetter(tx: Tx, consumer: string, eventId: string): Promise<DeadLetterView | undefined> {
  const { rows } = await tx.query<DeadLetterRow>(
    `SELECT ${COLUMNS} FROM dead_letters
     WHERE consumer = $1 AND event_id = $2 AND redriven_at IS NULL
     FOR UPDATE SKIP LOCKED`,
    [consumer, eventId],
  );
  return rows[0] && toView(rows[0]);
}

/** Marks a dead letter done, in the transaction that applied it. */
export async function markRedriven(tx: Tx, consumer: string, eventId: string): Promise<void> {
  await tx.query('UPDATE dead_letters SET redriven_at = now() WHERE consumer = $1 AND event_id = $2', [consumer, eventId]);
}

/** Counts a failed redrive as one more attempt and keeps its error. */
export async function recordRedriveFailure(pool: Pool, consumer: string, eventId: string, error: string): Promise<void> {
  await pool.query(
    'UPDATE dead_letters SET attempts = attempts + 1, last_error = $3 WHERE consumer = $1 AND event_id = $2 AND redriven_at IS NULL',
    [consumer, eventId, error],
  );
}
