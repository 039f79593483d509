import { describe, expect, it } from '@jest/globals';
import { subjectMatches } from './subject-filter.js';

describe('subjectMatches', () => {
  it('matches literal subjects token by token', () => {
    expect(subjectMatches('shop.catalog.stock_reservation.reserved', 'shop.catalog.stock_reservation.reserved')).toBe(true);
    expect(subjectMatches('shop.catalog.stock_reservation.reserved', 'shop.catalog.stock_reservation.released')).toBe(false);
    expect(subjectMatches('shop.catalog.product', 'shop.catalog.product.created')).toBe(false);
    expect(subjectMatches('shop.catalog.product.created', 'shop.catalog.product')).toBe(false);
  });

  it('lets * stand for exactly one token', () => {
    expect(subjectMatches('shop.catalog.*.created', 'shop.catalog.product.created')).toBe(true);
    expect(subjectMatches('shop.catalog.*', 'shop.catalog.product.created')).toBe(false);
  });

  it('lets a final > stand for one or more tokens', () => {
    expect(subjectMatches('shop.catalog.>', 'shop.catalog.product.created')).toBe(true);
    expect(subjectMatches('shop.catalog.>', 'shop.catalog')).toBe(false);
    expect(subjectMatches('shop.>', 'shop.order.order.placed')).toBe(true);
    expect(subjectMatches('shop.order.>', 'shop.catalog.product.created')).toBe(false);
  });
});
