import { describe, expect, it } from '@jest/globals';
import { accountCaller, ANONYMOUS } from '@shop/identity';
import { accessMatrix } from './access-matrix.js';
import { access, isVisible, scopeFor } from './access-table.js';

const customer = accountCaller('0196a1b2-0000-7000-8000-00000000000c', 'CUSTOMER', 0, 't');

describe('access rules', () => {
  it('refuses as the table says, naming the operation', () => {
    const adminOnly = access('UNAUTHENTICATED', 'FORBIDDEN', 'yes');
    expect(() => scopeFor(adminOnly, ANONYMOUS, 'createProduct')).toThrow(expect.objectContaining({ kind: 'UNAUTHENTICATED', message: expect.stringContaining('createProduct') }));
    expect(() => scopeFor(adminOnly, customer, 'createProduct')).toThrow(expect.objectContaining({ kind: 'PERMISSION_DENIED', code: 'AUTH.FORBIDDEN' }));
  });

  it('never gives an anonymous caller an own scope, even by a mistake in the table', () => {
    expect(() => scopeFor(access('own', 'own', 'yes'), ANONYMOUS, 'op')).toThrow(expect.objectContaining({ kind: 'UNAUTHENTICATED' }));
  });

  it('sees only the owner’s records in an own scope', () => {
    const scope = scopeFor(access('UNAUTHENTICATED', 'own', 'yes'), customer, 'op');
    expect(isVisible(scope, customer.accountId)).toBe(true);
    expect(isVisible(scope, '0196a1b2-0000-7000-8000-0000000000ff')).toBe(false);
  });

  it('turns a table into the cases of its matrix test', () => {
    const cases = accessMatrix({ getOrder: access('UNAUTHENTICATED', 'own', 'yes'), listProducts: access('yes', 'yes', 'yes'), createProduct: access('UNAUTHENTICATED', 'FORBIDDEN', 'yes') });
    expect(cases.map((entry) => [entry.operation, entry.caller, entry.expected])).toEqual([
      ['getOrder', 'anonymous', 'UNAUTHENTICATED'],
      ['getOrder', 'customer', 'allowed'],
      ['getOrder', 'other customer', 'hidden'],
      ['getOrder', 'admin', 'allowed'],
      ['listProducts', 'anonymous', 'allowed'],
      ['listProducts', 'customer', 'allowed'],
      ['listProducts', 'other customer', 'allowed'],
      ['listProducts', 'admin', 'allowed'],
      ['createProduct', 'anonymous', 'UNAUTHENTICATED'],
      ['createProduct', 'customer', 'FORBIDDEN'],
      ['createProduct', 'other customer', 'FORBIDDEN'],
      ['createProduct', 'admin', 'allowed'],
    ]);
  });
});
