import { describe, expect, it } from '@jest/globals';
import { natsServerOptions, redactNatsUrl } from './connection.js';

describe('NATS URLs', () => {
  it('takes a user and password out of the URL, where nats.js would ignore them', () => {
    expect(natsServerOptions('nats://catalog:s%40cret@nats:4222')).toEqual({ servers: 'nats://nats:4222', user: 'catalog', pass: 's@cret' });
    expect(natsServerOptions('nats://127.0.0.1:4222')).toEqual({ servers: 'nats://127.0.0.1:4222' });
  });

  it('never shows a password in a log line', () => {
    expect(redactNatsUrl('nats://catalog:secret@nats:4222')).toBe('nats://catalog:***@nats:4222');
    expect(redactNatsUrl('not a url')).not.toContain('not a url');
  });
});
