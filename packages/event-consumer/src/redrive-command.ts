import { parseArgs } from 'node:util';
import { listDeadLetters } from './dead-letter-store.js';
import { redriveDeadLetters, type RedriveOptions } from './redrive-dead-letters.js';

const USAGE = 'usage: redrive [--list] [--event <event id>]   (no option: redrive every waiting dead letter)';

/**
 * The body of a service's `pnpm redrive` script, which only supplies its pool, consumer name and handler:
 * `--list` prints the waiting dead letters, `--event <id>` redrives one, no option redrives them all.
 * Returns the exit code: 0, 1 when a letter failed again, 2 for bad arguments.
 */
export async function runRedriveCommand(
  args: readonly string[],
  options: Omit<RedriveOptions, 'eventId'> & { write?: (line: string) => void },
): Promise<number> {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  let values: { list?: boolean; event?: string };
  try {
    ({ values } = parseArgs({ args: [...args], options: { list: { type: 'boolean' }, event: { type: 'string' } }, strict: true }));
  } catch (error) {
    write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.list) {
    const letters = await listDeadLetters(options.pool, options.consumer);
    for (const letter of letters) {
      const error = letter.lastError.split('\n')[0];
      write(`${letter.eventId}  ${letter.eventType ?? '(not an envelope)'}  attempts ${letter.attempts}  dead since ${letter.deadAt.toISOString()}  ${error}`);
    }
    write(`${letters.length} waiting dead letter(s) for ${options.consumer}`);
    return 0;
  }
  const result = await redriveDeadLetters({ ...options, eventId: values.event });
  write(`${options.consumer}: redriven ${result.redriven}, already handled ${result.alreadyHandled}, failed again ${result.failed}`);
  return result.failed > 0 ? 1 : 0;
}
