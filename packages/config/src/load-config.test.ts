import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { port, url } from './fields.js';
import { ConfigError, loadConfig } from './load-config.js';

const schema = z.object({ HTTP_PORT: port(8080), DATABASE_URL: url(['postgres']) });

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    expect(loadConfig(schema, { DATABASE_URL: 'postgres://db/x' })).toEqual({ HTTP_PORT: 8080, DATABASE_URL: 'postgres://db/x' });
    expect(loadConfig(schema, { DATABASE_URL: 'postgres://db/x', HTTP_PORT: '9000' }).HTTP_PORT).toBe(9000);
  });

  it('fails fast naming every bad variable at once', () => {
    expect(() => loadConfig(schema, { HTTP_PORT: 'eighty', DATABASE_URL: 'mysql://db/x' })).toThrow(ConfigError);
    try {
      loadConfig(schema, { HTTP_PORT: '70000' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^HTTP_PORT: /), expect.stringMatching(/^DATABASE_URL: /)]);
      expect((error as Error).message).toMatch(/invalid configuration/);
    }
  });
});
