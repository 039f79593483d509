import { describe, expect, it } from '@jest/globals';
import { isOriginAllowed } from './websocket-origin.js';

const listed = ['https://admin.shop.example'];

describe('isOriginAllowed', () => {
  it.each([
    ['no Origin (not a browser)', undefined, 'gateway.local:8080'],
    ['the same host and port', 'http://gateway.local:8080', 'gateway.local:8080'],
    ['the same host in another case', 'http://Gateway.Local:8080', 'gateway.local:8080'],
    ['a default port written out in Host', 'https://shop.example', 'shop.example:443'],
    ['a default port written out in Origin', 'http://shop.example:80', 'shop.example'],
    ['an IPv6 host', 'http://[::1]:8080', '[::1]:8080'],
    ['an origin listed in CORS_ORIGINS', 'https://admin.shop.example', 'api.shop.example'],
  ])('lets %s through', (_case, origin, host) => {
    expect(isOriginAllowed(origin, host, listed)).toBe(true);
  });

  it.each([
    ['another host', 'https://evil.example', 'gateway.local:8080'],
    ['the same host on another port', 'http://gateway.local:3000', 'gateway.local:8080'],
    ['a subdomain of a listed origin', 'https://x.admin.shop.example', 'api.shop.example'],
    ['a listed host with another scheme', 'http://admin.shop.example', 'api.shop.example'],
    ['an opaque origin', 'null', 'gateway.local:8080'],
    ['an Origin that does not parse', 'not a url', 'gateway.local:8080'],
    ['a missing Host', 'http://gateway.local:8080', undefined],
    ['a Host with credentials in it', 'http://gateway.local', 'evil.example@gateway.local'],
    ['a Host with a path in it', 'http://gateway.local', 'gateway.local/x'],
  ])('refuses %s', (_case, origin, host) => {
    expect(isOriginAllowed(origin, host, listed)).toBe(false);
  });
});
