import { fileURLToPath } from 'node:url';

/**
 * The outbox table's migration. A service applies it with its own (node-pg-migrate takes several directories),
 * so the outbox lives in the service's database, beside the records whose changes it carries.
 */
export const OUTBOX_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));
