import { describe, expect, it } from '@jest/globals';
import { parseCliOptions } from './cli-options.js';

describe('parseCliOptions', () => {
  it('listens on 127.0.0.1:4318, the OTLP/HTTP default, with a 2 s quiet period unless told otherwise', () => {
    expect(parseCliOptions([], {})).toEqual({ port: 4318, host: '127.0.0.1', quietMs: 2000, help: false });
  });

  it('takes the port from TRACES_PORT, and --port over it, in either flag spelling', () => {
    expect(parseCliOptions([], { TRACES_PORT: '4400' }).port).toBe(4400);
    expect(parseCliOptions(['--port', '4401'], { TRACES_PORT: '4400' }).port).toBe(4401);
    expect(parseCliOptions(['--', '--port=0', '--host=0.0.0.0', '--quiet-ms', '500'], {})).toEqual({ port: 0, host: '0.0.0.0', quietMs: 500, help: false });
    expect(parseCliOptions(['-h'], {}).help).toBe(true);
  });

  it('refuses what it cannot use, saying which argument', () => {
    expect(() => parseCliOptions(['--port', 'http'], {})).toThrow('--port must be a whole number from 0 to 65535, got "http"');
    expect(() => parseCliOptions(['--port'], {})).toThrow('--port must be a whole number from 0 to 65535, got ""');
    expect(() => parseCliOptions([], { TRACES_PORT: '70000' })).toThrow('TRACES_PORT must be a whole number from 0 to 65535, got "70000"');
    expect(() => parseCliOptions(['--host', '--port'], {})).toThrow('--host needs an address');
    expect(() => parseCliOptions(['--verbose'], {})).toThrow('unknown argument "--verbose"');
  });
});
