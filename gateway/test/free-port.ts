import { freePort } from '@shop/free-port';

/** A local address nothing listens on: a port the OS hands out, closed again at once (a service that is down). */
export async function unusedAddress(): Promise<string> {
  return `127.0.0.1:${await freePort()}`;
}
