import { afterEach, describe, expect, it } from '@jest/globals';
import { credentials, makeGenericClientConstructor, Metadata, status, type ServiceDefinition, type ServiceError } from '@grpc/grpc-js';
import { DenyList, generateSigningKeyText, JwksCache, readSigningKey, TokenIssuer, TokenVerifier, type Caller } from '@shop/identity';
import { pino } from 'pino';
import { startGrpcServer, type RunningGrpcServer } from './grpc-server.js';
import { unary } from './unary.js';

// A one-method service that answers with the caller its handler was given, behind the real interceptor and verifier.

const json = {
  serialize: (value: unknown) => Buffer.from(JSON.stringify(value)),
  deserialize: (bytes: Buffer) => JSON.parse(bytes.toString()) as unknown,
};
const definition: ServiceDefinition = {
  whoAmI: { path: '/test.Who/WhoAmI', requestStream: false, responseStream: false, requestSerialize: json.serialize, requestDeserialize: json.deserialize, responseSerialize: json.serialize, responseDeserialize: json.deserialize },
};
const WhoClient = makeGenericClientConstructor(definition, 'Who');
const ACCOUNT = '0196a1b2-0000-7000-8000-000000000001';

let server: RunningGrpcServer | undefined;
let close: (() => void) | undefined;
afterEach(async () => {
  close?.();
  await server?.shutdown(100);
});

async function start(authenticator: { authenticate(values: readonly string[]): Promise<Caller> }) {
  const handled: Caller[] = [];
  server = await startGrpcServer({
    port: 0,
    host: '127.0.0.1',
    packageDefinition: {},
    logger: pino({ level: 'silent' }),
    authenticator,
    services: [{ name: 'test.Who', definition, implementation: { whoAmI: unary(pino({ level: 'silent' }), async (_request, caller) => (handled.push(caller), { caller })) } }],
  });
  const client = new WhoClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
  close = () => client.close();
  const call = (authorization: string[] = []) =>
    new Promise<unknown>((resolve, reject) => {
      const metadata = new Metadata();
      for (const value of authorization) metadata.add('authorization', value);
      (client as unknown as { whoAmI: (r: unknown, m: Metadata, cb: (e: ServiceError | null, v?: unknown) => void) => void }).whoAmI({}, metadata, (error, value) => (error ? reject(error) : resolve(value)));
    });
  return { call, handled };
}

async function realVerifier() {
  const key = await readSigningKey(generateSigningKeyText());
  const verifier = new TokenVerifier(new JwksCache(async () => ({ keys: [key.publicJwk] })), new DenyList());
  const token = (await new TokenIssuer(key).issue(ACCOUNT, 'CUSTOMER', Math.floor(Date.now() / 1000))).token;
  return { verifier, token };
}

// Two authorization values cannot be sent from Node (HTTP/2 treats the header as single-valued, so grpc-js fails
// the call locally); the verifier's unit tests refuse them, and the gateway's tests send them over HTTP/1.1.
describe('authInterceptor', () => {
  it('gives the handler the caller the token proves, and anonymous without one', async () => {
    const { verifier, token } = await realVerifier();
    const { call } = await start(verifier);
    await expect(call([`Bearer ${token}`])).resolves.toEqual({ caller: { kind: 'customer', accountId: ACCOUNT, issuedAt: expect.any(Number) } });
    await expect(call()).resolves.toEqual({ caller: { kind: 'anonymous' } });
  });

  it.each([
    ['a token signed by another key', async () => [`Bearer ${(await realVerifier()).token}`]],
    ['a value without the Bearer scheme', async () => ['a.b.c']],
  ])('ends the call with UNAUTHENTICATED for %s, before the handler runs', async (_case, values) => {
    const { verifier } = await realVerifier();
    const { call, handled } = await start(verifier);
    await expect(call(await values())).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    expect(handled).toEqual([]);
  });

  it('answers UNAVAILABLE when tokens cannot be checked (no keys), so clients retry instead of signing out', async () => {
    const { token } = await realVerifier();
    const verifier = new TokenVerifier(
      new JwksCache(async () => {
        throw new Error('account service down');
      }),
      new DenyList(),
    );
    const { call, handled } = await start(verifier);
    await expect(call([`Bearer ${token}`])).rejects.toMatchObject({ code: status.UNAVAILABLE });
    expect(handled).toEqual([]);
  });
});
