import { newId } from '@shop/ids';
import { requireEmail, requireText } from '@shop/validation';
import { AccountErrorCode } from './account-errors.js';

/** What an account may do: customers shop, admins also run the shop (API.md's access table). */
export type AccountRole = 'CUSTOMER' | 'ADMIN';

/** The state of an account, as storage loads it and mappers read it. */
export interface AccountState {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: AccountRole;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What a client may change on an account; absent fields stay as they are. */
export interface AccountChanges {
  name?: string | undefined;
  email?: string | undefined;
}

const nameRule = { field: 'name', code: AccountErrorCode.invalidName, min: 1, max: 200 };

/** A customer of the shop. Always valid: created through `create`, loaded through `fromStorage`, changed through `update`. */
export class Account {
  private constructor(private readonly state: AccountState) {}

  /** A new account from user input: trims and validates every field; a customer unless the role says otherwise. */
  static create(input: { name: string; email: string; role?: AccountRole | undefined }, now: Date, id: string = newId()): Account {
    return new Account({
      id,
      name: requireText(input.name, nameRule),
      email: requireEmail(input.email, 'email', AccountErrorCode.invalidEmail),
      role: input.role ?? 'CUSTOMER',
      createdAt: now,
      updatedAt: now,
    });
  }

  /** An account as the repository stored it; creation rules are not re-run on data that passed them once. */
  static fromStorage(state: AccountState): Account {
    return new Account({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get name(): string {
    return this.state.name;
  }
  get email(): string {
    return this.state.email;
  }
  get role(): AccountRole {
    return this.state.role;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get updatedAt(): Date {
    return this.state.updatedAt;
  }

  /** The account with `changes` applied and validated; the account itself is not modified. */
  update(changes: AccountChanges, now: Date): Account {
    return new Account({
      ...this.state,
      name: changes.name === undefined ? this.state.name : requireText(changes.name, nameRule),
      email: changes.email === undefined ? this.state.email : requireEmail(changes.email, 'email', AccountErrorCode.invalidEmail),
      updatedAt: now,
    });
  }

  /** The account with another role; only the role and updatedAt change. */
  withRole(role: AccountRole, now: Date): Account {
    return new Account({ ...this.state, role, updatedAt: now });
  }

  /** A copy of the state, for mappers. */
  toState(): AccountState {
    return { ...this.state };
  }
}
