import { fileURLToPath } from 'node:url';

/**
 * The inbox and dead-letter tables. A consuming service runs them with its own migrations (node-pg-migrate
 * takes several directories), so the inbox lives in the database its handlers write to.
 */
export const CONSUMER_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));
