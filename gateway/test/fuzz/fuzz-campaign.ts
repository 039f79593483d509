import fc from 'fast-check';
import { gatewaySchema } from '../../src/graphql/apollo-server.js';
import { startShop, type ShopHarness } from '../e2e/shop-harness.js';
import { FuzzFixtures, type RecordCounts } from './fuzz-fixtures.js';
import { resolveRefs, type FuzzValue } from './fuzz-value.js';
import { GraphQLCaseArbitraries, type FieldSelection, type GraphQLCase } from './graphql-cases.js';
import { renderOperation } from './graphql-render.js';
import { grpcCase, type GrpcCase } from './grpc-cases.js';
import { loadMethodShapes, type MethodShape } from './grpc-shapes.js';
import { rawHttpCase, sendRawHttp, type RawHttpCase } from './raw-http-cases.js';
import { ANSWER_TIMEOUT_MS, RawGrpcClients, sendGraphQL, toProtoObject } from './fuzz-senders.js';
import { FuzzTally } from './fuzz-tally.js';

// A fuzz run over a whole shop in this process (three services, the gateway, NATS and the stock saga): each case
// is a GraphQL request, a direct gRPC call or a raw HTTP request, sent and checked on its own, one at a time.

/** Any case a run sends. */
export type FuzzCase = GraphQLCase | GrpcCase | RawHttpCase;

/** What no answer may be, whatever the input: the goal of API.md's "Abuse" section. */
const FORBIDDEN_GRAPHQL_CODES = new Set(['INTERNAL_SERVER_ERROR', 'UNAVAILABLE']);
const FORBIDDEN_GRPC_STATUSES = new Set(['INTERNAL', 'UNKNOWN', 'UNAVAILABLE', 'DEADLINE_EXCEEDED', 'CANCELLED', 'DATA_LOSS', 'UNIMPLEMENTED']);

// Mutations that create (or delete) accounts, products or orders: refused, they must leave the counts alone.
const COUNTED_MUTATIONS = new Set(['register', 'createAccount', 'createProduct', 'createOrder', 'deleteProduct', 'Register', 'CreateAccount', 'DeleteAccount', 'CreateProduct', 'DeleteProduct', 'CreateOrder']);

// How often the fixtures are looked after and the processes' health checked, in cases.
const HEAL_EVERY = 50;
const HEALTH_EVERY = 250;

/** A started run: the shop, its fixtures, the arbitraries, and the tally. */
export class FuzzCampaign {
  readonly tally = new FuzzTally();
  private readonly grpc = new RawGrpcClients();
  private readonly methods: MethodShape[] = loadMethodShapes();
  private sent = 0;
  private needsHealing = false;

  private constructor(
    private readonly shop: ShopHarness,
    private readonly fixtures: FuzzFixtures,
  ) {}

  /** Starts a shop with events and makes the fixtures. */
  static async start(label: string): Promise<FuzzCampaign> {
    const shop = await startShop(label, { events: true });
    return new FuzzCampaign(shop, await FuzzFixtures.build(shop));
  }

  /** Every kind of case, GraphQL most often. */
  arbitrary(): fc.Arbitrary<FuzzCase> {
    return fc.oneof(
      { weight: 6, arbitrary: GraphQLCaseArbitraries.case(gatewaySchema) },
      { weight: 3, arbitrary: grpcCase(this.methods) },
      { weight: 1, arbitrary: rawHttpCase },
    );
  }

  /** Sends one case and answers the problems found (none when it passed); answers are tallied. */
  async run(fuzzCase: FuzzCase): Promise<{ problems: string[]; request: string }> {
    this.sent += 1;
    if (this.needsHealing || this.sent % HEAL_EVERY === 0) {
      this.needsHealing = false;
      await this.fixtures.heal();
    }
    const outcome = await this.send(fuzzCase);
    if (this.sent % HEALTH_EVERY === 0) outcome.problems.push(...(await this.health()));
    return outcome;
  }

  /** The gateway's /healthz and /readyz (which asks every service's gRPC health check): a problem for each not 200. */
  async health(): Promise<string[]> {
    const problems: string[] = [];
    for (const path of ['/healthz', '/readyz']) {
      const answer = await fetch(`${this.shop.url}${path}`, { signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) }).catch((error: Error) => error);
      if (answer instanceof Error) problems.push(`${path} did not answer: ${answer.message}`);
      else if (answer.status !== 200) problems.push(`${path} answered ${answer.status}: ${(await answer.text()).slice(0, 200)}`);
    }
    return problems;
  }

  /** Stops the shop. */
  async stop(): Promise<void> {
    this.grpc.close();
    await this.fixtures.stop();
    await this.shop.stop();
  }

  private async send(fuzzCase: FuzzCase): Promise<{ problems: string[]; request: string }> {
    const resolve = (value: FuzzValue) => resolveRefs(value, (ref) => this.fixtures.resolve(ref));
    const resolveSelection = (selection: FieldSelection): FieldSelection => ({
      ...selection,
      args: selection.args.map((arg) => ({ ...arg, value: resolve(arg.value) })),
      selection: selection.selection?.map(resolveSelection) ?? null,
    });
    if (fuzzCase.kind === 'graphql') return this.sendGraphQL({ ...fuzzCase, root: resolveSelection(fuzzCase.root) });
    if (fuzzCase.kind === 'grpc') return this.sendGrpc(fuzzCase, 'object' in fuzzCase.request ? { object: resolve(fuzzCase.request.object) } : fuzzCase.request);
    return this.sendRawHttp(fuzzCase);
  }

  private async sendGraphQL(graphqlCase: GraphQLCase): Promise<{ problems: string[]; request: string }> {
    const operation = renderOperation(graphqlCase);
    const request = `${graphqlCase.as} ${graphqlCase.transport.toUpperCase()} ${clip(JSON.stringify(operation), 1_500)}`;
    const counted = await this.countsBefore(graphqlCase.operation === 'mutation' ? graphqlCase.root.field : '');
    const started = performance.now();
    const problems: string[] = [];
    try {
      const answer = await sendGraphQL(this.shop.url, operation, graphqlCase.transport, this.fixtures.authorization(graphqlCase.as, request.length));
      const ms = performance.now() - started;
      const target = `${graphqlCase.operation}.${graphqlCase.root.field}`;
      this.tally.record({ kind: 'graphql', target, ok: answer.status === 200 && answer.codes.length === 0, label: clip(request, 160), ms, status: `HTTP ${answer.status}`, codes: answer.codes });
      if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
      for (const code of new Set(answer.codes)) if (FORBIDDEN_GRAPHQL_CODES.has(code)) problems.push(`extensions.code ${code}`);
      if (answer.status === 401 && graphqlCase.as !== 'bad-token' && graphqlCase.as !== 'anonymous') this.needsHealing = true;
      if (counted && answer.refused) problems.push(...(await this.countsUnchanged(counted)));
      if (graphqlCase.operation === 'mutation' && answer.nulledBelow) this.tally.nulledMutations.push(`${clip(request, 300)} -> ${clip(answer.text, 300)}`);
      if (problems.length > 0) problems.push(`answer: ${clip(answer.text, 1_000)}`);
    } catch (error) {
      problems.push(`no answer: ${(error as Error).message}`);
    }
    return { problems, request };
  }

  private async sendGrpc(grpcCase: GrpcCase, request: GrpcCase['request']): Promise<{ problems: string[]; request: string }> {
    const shape = this.methods.find((method) => method.service === grpcCase.service && method.method === grpcCase.method)!;
    const description = `${grpcCase.as} ${shape.path} ${clip(JSON.stringify(request), 1_500)}`;
    let bytes: Buffer;
    try {
      bytes = 'bytes' in request ? Buffer.from(request.bytes, 'hex') : shape.serialize(toProtoObject(request.object));
    } catch {
      // protobufjs refuses some values outright (a word for an int64): nothing is sent, nothing to check.
      this.tally.unsendable += 1;
      return { problems: [], request: description };
    }
    const address = this.shop.addresses[`${grpcCase.service.toUpperCase() as 'ACCOUNT' | 'CATALOG' | 'ORDER'}_GRPC_ADDRESS`];
    const counted = await this.countsBefore(grpcCase.method);
    const started = performance.now();
    const answer = await this.grpc.call(address, shape.path, bytes, this.fixtures.authorization(grpcCase.as, description.length));
    const target = `grpc ${grpcCase.service}.${grpcCase.method}`;
    this.tally.record({ kind: 'grpc', target, ok: answer.status === 'OK', label: clip(description, 160), ms: performance.now() - started, status: `gRPC ${answer.status}`, codes: [] });
    const problems = FORBIDDEN_GRPC_STATUSES.has(answer.status) ? [`gRPC ${answer.status}: ${answer.details}`] : [];
    if (answer.status === 'UNAUTHENTICATED' && (grpcCase.as === 'customer' || grpcCase.as === 'admin')) this.needsHealing = true;
    if (counted && answer.status !== 'OK') problems.push(...(await this.countsUnchanged(counted)));
    return { problems, request: description };
  }

  private async sendRawHttp(raw: RawHttpCase): Promise<{ problems: string[]; request: string }> {
    const request = clip(JSON.stringify(raw), 1_500);
    const started = performance.now();
    const port = Number(new URL(this.shop.url).port);
    const answer = await sendRawHttp(port, raw, ANSWER_TIMEOUT_MS);
    const ok = answer.status >= 200 && answer.status < 400;
    this.tally.record({ kind: 'http', target: 'http raw', ok, label: clip(`${raw.method} ${raw.target}`, 160), ms: performance.now() - started, status: `HTTP ${answer.status || 'none'}`, codes: [] });
    return { problems: answer.status >= 500 ? [`HTTP ${answer.status}: ${answer.head}`] : [], request };
  }

  private async countsBefore(field: string): Promise<RecordCounts | undefined> {
    return COUNTED_MUTATIONS.has(field) ? this.fixtures.counts() : undefined;
  }

  private async countsUnchanged(before: RecordCounts): Promise<string[]> {
    const after = await this.fixtures.counts();
    return JSON.stringify(after) === JSON.stringify(before) ? [] : [`refused, yet the counts changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`];
  }
}

/** At most `length` characters of `text`, saying how much was left out. */
export function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length)}... (${text.length - length} more characters)`;
}
