import { describe, expect, it } from '@jest/globals';
import { hostPathOf, mapMountedPath, mountMap } from './volume-mapping.js';

describe('volume mapping', () => {
  const mounts = mountMap(
    [
      { source: 'account-secrets', target: '/var/lib/shop/', bind: false, readOnly: false },
      { source: '/repo/deploy/nats/nats-server.conf', target: '/etc/nats/nats-server.conf', bind: true, readOnly: true },
      { source: 'inner', target: '/var/lib/shop/inner', bind: false, readOnly: false },
    ],
    (name) => `/tmp/rehearsal/volumes/${name}`,
  );

  it('finds the path here of a container path on a named volume or a bind mount, the deepest mount first', () => {
    expect(hostPathOf('/var/lib/shop/admin-password', mounts)).toBe('/tmp/rehearsal/volumes/account-secrets/admin-password');
    expect(hostPathOf('/var/lib/shop', mounts)).toBe('/tmp/rehearsal/volumes/account-secrets');
    expect(hostPathOf('/var/lib/shop/inner/x', mounts)).toBe('/tmp/rehearsal/volumes/inner/x');
    expect(hostPathOf('/etc/nats/nats-server.conf', mounts)).toBe('/repo/deploy/nats/nats-server.conf');
    expect(hostPathOf('/var/lib/shopping', mounts)).toBeUndefined();
  });

  it('maps environment paths, leaves other values alone, and refuses a *_FILE on no volume', () => {
    expect(mapMountedPath('ADMIN_PASSWORD_FILE', '/var/lib/shop/admin-password', mounts, 'x')).toBe('/tmp/rehearsal/volumes/account-secrets/admin-password');
    expect(mapMountedPath('LOG_LEVEL', 'info', mounts, 'x')).toBe('info');
    expect(mapMountedPath('HOME_DIR', '/home/node', mounts, 'x')).toBe('/home/node');
    expect(() => mapMountedPath('JWT_PRIVATE_KEY_FILE', '/app/key.json', mounts, 'services.account.environment.JWT_PRIVATE_KEY_FILE')).toThrow(
      'services.account.environment.JWT_PRIVATE_KEY_FILE is /app/key.json, on none of the service\'s volumes: it would be lost with the container',
    );
  });
});
