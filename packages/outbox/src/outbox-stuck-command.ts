import { parseArgs } from 'node:util';
import type { Pool } from '@shop/postgres';
import { listParkedEvents, retryParkedEvents } from './parked-rows.js';

const USAGE = 'usage: outbox:stuck <service> [--list | --retry <event id> | --retry-all]   (no option: --list)';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The body of `pnpm outbox:stuck`, given the service's database: `--list` (the default) prints the parked outbox
 * rows with their reason and what waits behind them, `--retry <id>` gives one back to the relay, `--retry-all`
 * every one. Returns the exit code: 0, 1 when the event to retry is not parked, 2 for bad arguments.
 */
export async function runOutboxStuckCommand(args: readonly string[], options: { pool: Pool; service: string; write?: (line: string) => void }): Promise<number> {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  let values: { list?: boolean; retry?: string; 'retry-all'?: boolean };
  try {
    ({ values } = parseArgs({ args: [...args], options: { list: { type: 'boolean' }, retry: { type: 'string' }, 'retry-all': { type: 'boolean' } }, strict: true }));
  } catch (error) {
    write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const chosen = [values.list, values.retry !== undefined, values['retry-all']].filter(Boolean).length;
  if (chosen > 1 || (values.retry !== undefined && !UUID.test(values.retry))) {
    write(`${chosen > 1 ? 'choose one of --list, --retry and --retry-all' : `--retry takes an event id (a UUID), got "${values.retry}"`}\n${USAGE}`);
    return 2;
  }
  if (values.retry !== undefined || values['retry-all']) {
    const retried = await retryParkedEvents(options.pool, values.retry);
    if (values.retry !== undefined && retried.length === 0) {
      write(`${options.service}: event ${values.retry} is not parked (never was, already retried, or published)`);
      return 1;
    }
    write(`${options.service}: ${retried.length} parked event(s) given back to the relay${retried.length > 0 ? `: ${retried.join(', ')}` : ''}`);
    return 0;
  }
  const parked = await listParkedEvents(options.pool);
  for (const event of parked) {
    write(
      `${event.eventId}  ${event.eventType}  ${event.aggregateType}/${event.aggregateId} v${event.aggregateVersion}  attempts ${event.attempts}  ` +
        `parked since ${event.parkedAt.toISOString()}  ${event.waitingBehind} later event(s) waiting  ${event.reason.split('\n')[0]}`,
    );
  }
  write(`${parked.length} parked outbox event(s) in ${options.service}`);
  return 0;
}
