import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@shop/config';
import { readGatewayConfig } from '../config.js';

describe('CURSOR_SECRET', () => {
  it('is made at random for each start outside production, never a fixed default', () => {
    const [first, second] = [readGatewayConfig({}).CURSOR_SECRET, readGatewayConfig({ CURSOR_SECRET: '' }).CURSOR_SECRET];
    expect(first).toHaveLength(43);
    expect(second).toHaveLength(43);
    expect(first).not.toBe(second);
  });

  it('is taken as given', () => {
    expect(readGatewayConfig({ NODE_ENV: 'production', CURSOR_SECRET: 's'.repeat(32) }).CURSOR_SECRET).toBe('s'.repeat(32));
  });

  it('is required in production, and at least 32 characters anywhere, a config error naming it', () => {
    expect(() => readGatewayConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => readGatewayConfig({ NODE_ENV: 'production', CURSOR_SECRET: ' ' })).toThrow(/CURSOR_SECRET: is required in production/);
    expect(() => readGatewayConfig({ CURSOR_SECRET: 'too short' })).toThrow(/CURSOR_SECRET: must be at least 32 characters/);
  });
});
