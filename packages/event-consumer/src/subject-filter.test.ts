import { describe, expect, it } from '@jest/globals';
import { partitionFilter, subjectMatches } from './subject-filter.js';

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

describe('partitionFilter', () => {
  it('adds the partition token the relay publishes with, for one partition or any', () => {
    expect(partitionFilter('shop.order.order.>', 3)).toBe('shop.order.order.*.3');
    expect(partitionFilter('shop.order.order.created', 0)).toBe('shop.order.order.created.0');
    expect(partitionFilter('shop.order.>', 1)).toBe('shop.order.*.*.1');
    expect(partitionFilter('shop.>', '*')).toBe('shop.*.*.*.*');
    expect(subjectMatches(partitionFilter('shop.order.order.>', 2), 'shop.order.order.created.2')).toBe(true);
    expect(subjectMatches(partitionFilter('shop.order.order.>', 2), 'shop.order.order.created.1')).toBe(false);
  });

  it('refuses a filter that cannot name an event subject', () => {
    expect(() => partitionFilter('shop.order.order.created.extra', 0)).toThrow(/cannot name/);
    expect(() => partitionFilter('shop.order.>.created', 0)).toThrow(/cannot name/);
    expect(() => partitionFilter('shop.order', 0)).toThrow(/cannot name/);
  });
});
