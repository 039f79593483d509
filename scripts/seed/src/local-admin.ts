import { join } from 'node:path';

/** The first admin `pnpm start` makes when ADMIN_EMAIL is not set; the seed signs in as it by default too. */
export const LOCAL_ADMIN_EMAIL = 'admin@shop.local';

/**
 * Where `pnpm start` keeps the first admin's password it made (the repository's .data/, whatever the working
 * directory), so `pnpm seed` can sign in without being told. From src/ and from dist/ alike: three levels up.
 */
export const LOCAL_ADMIN_PASSWORD_FILE = join(import.meta.dirname, '..', '..', '..', '.data', 'admin-password');
