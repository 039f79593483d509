/** Where a container's host:port is reached in the rehearsal, by compose service name and container port. */
export type HostMap = ReadonlyMap<string, ReadonlyMap<number, string>>;

const DEFAULT_PORTS: Record<string, number> = { 'postgres:': 5432, 'postgresql:': 5432, 'nats:': 4222, 'http:': 80, 'https:': 443 };

function mapped(hosts: HostMap, host: string, port: number, where: string): string {
  const ports = hosts.get(host)!;
  const address = ports.get(port);
  if (!address) throw new Error(`${where} points at ${host}:${port}, but ${host} listens on ${[...ports.keys()].join(', ')}`);
  return address;
}

/**
 * Rewrites the compose service names in one environment value (a URL or a host:port) to the local addresses
 * that stand in for those containers. A service name with a port its container does not listen on is an error:
 * that is a broken address inside Docker too.
 */
export function mapHosts(value: string, hosts: HostMap, where: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const url = new URL(value);
    if (!hosts.has(url.hostname)) return value;
    const port = url.port === '' ? DEFAULT_PORTS[url.protocol] : Number(url.port);
    if (port === undefined) throw new Error(`${where}: give ${url.hostname}'s port explicitly in ${value}`);
    const [host, localPort] = mapped(hosts, url.hostname, port, where).split(':');
    url.hostname = host!;
    url.port = localPort!;
    return url.toString().replace(/\/$/, value.endsWith('/') ? '/' : '');
  }
  const hostPort = /^([A-Za-z0-9_.-]+):(\d+)$/.exec(value);
  if (hostPort && hosts.has(hostPort[1]!)) return mapped(hosts, hostPort[1]!, Number(hostPort[2]), where);
  return value;
}
