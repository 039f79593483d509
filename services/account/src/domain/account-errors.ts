import { ConflictError, NotFoundError, UnavailableError } from '@shop/errors';

/** Stable codes of the account domain; clients may switch on them. */
export const AccountErrorCode = {
  invalidId: 'ACCOUNT.INVALID_ID',
  invalidName: 'ACCOUNT.INVALID_NAME',
  invalidEmail: 'ACCOUNT.INVALID_EMAIL',
  invalidPageSize: 'ACCOUNT.INVALID_PAGE_SIZE',
  invalidPageToken: 'ACCOUNT.INVALID_PAGE_TOKEN',
  emailTaken: 'ACCOUNT.EMAIL_TAKEN',
  notFound: 'ACCOUNT.NOT_FOUND',
  storeUnavailable: 'ACCOUNT.STORE_UNAVAILABLE',
} as const;

/** No account has the id. */
export class AccountNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(AccountErrorCode.notFound, `account ${id} not found`);
  }
}

/** Another account already uses the email (compared case-insensitively). */
export class EmailTakenError extends ConflictError {
  constructor(email: string) {
    super(AccountErrorCode.emailTaken, `email ${email} is already in use`, 'email');
  }
}

/** The account store cannot be reached; the call may succeed later. */
export class AccountStoreUnavailableError extends UnavailableError {
  constructor() {
    super(AccountErrorCode.storeUnavailable, 'the account database is unavailable');
  }
}
