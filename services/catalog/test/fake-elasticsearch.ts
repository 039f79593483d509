import { createRequire } from 'node:module';
import { Client, type BaseConnection } from '@elastic/elasticsearch';
import type * as ElasticsearchModule from '@elastic/elasticsearch';

// The mock recognises the errors a route returns with `instanceof`, against the copy of the client it require()s.
// Under jest an ES-module import of the client is another copy, so the errors and the mock are loaded the way
// the mock loads the client. (The catalog itself classifies client errors by name, which holds across copies.)
const require = createRequire(import.meta.url);
// The package is CommonJS (`module.exports = Mocker`), which its typings (a default export) do not say.
const Mock = require('@elastic/elasticsearch-mock') as new () => {
  add(pattern: { method: string; path: string }, resolver: (params: SeenRequest) => unknown): void;
  clear(pattern: { method: string; path: string }): void;
  getConnection(): typeof BaseConnection;
};
const { errors } = require('@elastic/elasticsearch') as typeof ElasticsearchModule;

/** A document as the fake holds it: the source and its external version. */
export interface FakeDocument {
  version: number;
  source: Record<string, unknown>;
}

/** One request the client sent, as the mock transport saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  querystring: Record<string, string>;
  body: unknown;
}

interface FakeIndex {
  mappings: Record<string, unknown>;
  settings: Record<string, unknown>;
  docs: Map<string, FakeDocument>;
}

const responseError = (statusCode: number, body: unknown) =>
  new errors.ResponseError({ body, statusCode, headers: {}, warnings: null, meta: {} as never });
const failure = (statusCode: number, type: string, reason: string) => responseError(statusCode, { error: { type, reason }, status: statusCode });

/**
 * The part of Elasticsearch the catalog's index writer and admin use (indices, aliases, external versions,
 * `require_alias`, `_bulk`), kept in memory behind the official client's mock transport
 * (@elastic/elasticsearch-mock): no Elasticsearch server can run on the development machines. It does not
 * search: queries are checked as built requests, and against a real server by the contract suite.
 */
export class FakeElasticsearch {
  readonly indices = new Map<string, FakeIndex>();
  readonly aliases = new Map<string, Set<string>>();
  readonly requests: SeenRequest[] = [];
  /** While true, every request fails as if nothing listened on the port. */
  down = false;
  private readonly mock = new Mock();

  constructor() {
    this.route('PUT', '/:index', (params) => this.createIndex(indexOf(params), params.body as Record<string, Record<string, unknown>>));
    this.route('HEAD', '/:index', (params) => (this.indices.has(indexOf(params)) ? {} : responseError(404, {})));
    this.route('DELETE', '/:index', (params) => this.deleteIndices(indexOf(params).split(',')));
    this.route('GET', '/_alias/:name', (params) => this.getAlias(segment(params, 2)));
    this.route('GET', '/:index/_mapping', (params) => this.getMapping(indexOf(params)));
    this.route('POST', '/_aliases', (params) => this.updateAliases((params.body as { actions: Record<string, { index: string; alias?: string }>[] }).actions));
    this.route('PUT', '/:index/_doc/:id', (params) => this.write(indexOf(params), { index: { _id: segment(params, 3), ...versionOf(params.querystring) } }, params.body as Record<string, unknown>, params.querystring?.require_alias === 'true'));
    this.route('DELETE', '/:index/_doc/:id', (params) => this.write(indexOf(params), { delete: { _id: segment(params, 3), ...versionOf(params.querystring) } }));
    this.route('POST', '/_bulk', (params) => this.bulk(params.body as Record<string, unknown>[]));
    // It does not evaluate queries, but a search must still fail the way the engine would when it is down.
    this.route('POST', '/:index/_search', () => failure(501, 'not_implemented', 'the fake Elasticsearch does not search; the contract suite runs queries against a real one'));
    this.route('POST', '/:index/_refresh', () => ({ _shards: { total: 1, successful: 1, failed: 0 } }));
  }

  /** A client talking to this fake. */
  client(): Client {
    return new Client({ node: 'http://elasticsearch.invalid:9200', Connection: this.mock.getConnection(), maxRetries: 0 });
  }

  /** The documents behind `name` (an alias or an index). */
  documents(name: string): Map<string, FakeDocument> {
    return this.indices.get(this.resolve(name) ?? '')?.docs ?? new Map();
  }

  /** The concrete index a name stands for: itself, or the one index its alias points at. */
  resolve(name: string): string | undefined {
    const behind = this.aliases.get(name);
    if (behind) return behind.size === 1 ? [...behind][0] : undefined;
    return this.indices.has(name) ? name : undefined;
  }

  /** Replaces the answer of a route (a canned search answer); requests are still recorded, and fail while down. */
  on(method: string, path: string, answer: (params: SeenRequest) => unknown): void {
    this.mock.clear({ method, path });
    this.route(method, path, answer);
  }

  private route(method: string, path: string, answer: (params: SeenRequest) => unknown): void {
    this.mock.add({ method, path }, (request) => {
      this.requests.push({ method: request.method, path: request.path, querystring: { ...request.querystring }, body: request.body });
      if (this.down) return new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200');
      return answer(request);
    });
  }

  private createIndex(name: string, body: Record<string, Record<string, unknown>>) {
    if (this.indices.has(name) || this.aliases.has(name)) return failure(400, 'resource_already_exists_exception', `index [${name}] already exists`);
    this.indices.set(name, { mappings: body.mappings ?? {}, settings: body.settings ?? {}, docs: new Map() });
    return { acknowledged: true, shards_acknowledged: true, index: name };
  }

  private deleteIndices(names: string[]) {
    for (const name of names) {
      if (!this.indices.delete(name)) return failure(404, 'index_not_found_exception', `no such index [${name}]`);
      for (const behind of this.aliases.values()) behind.delete(name);
    }
    return { acknowledged: true };
  }

  private getAlias(name: string) {
    const behind = this.aliases.get(name);
    if (!behind) return responseError(404, { error: `alias [${name}] missing`, status: 404 });
    return Object.fromEntries([...behind].map((index) => [index, { aliases: { [name]: {} } }]));
  }

  private getMapping(name: string) {
    const names = this.aliases.get(name) ? [...this.aliases.get(name)!] : this.indices.has(name) ? [name] : [];
    if (names.length === 0) return failure(404, 'index_not_found_exception', `no such index [${name}]`);
    return Object.fromEntries(names.map((index) => [index, { mappings: this.indices.get(index)!.mappings }]));
  }

  private updateAliases(actions: Record<string, { index: string; alias?: string }>[]) {
    for (const action of actions) {
      const [kind, target] = onlyEntry(action);
      if (kind === 'add') {
        if (!this.indices.has(target.index)) return failure(404, 'index_not_found_exception', `no such index [${target.index}]`);
        if (this.indices.has(target.alias!) && !actions.some((other) => other.remove_index?.index === target.alias)) {
          return failure(400, 'invalid_alias_name_exception', `an index exists with the same name as the alias [${target.alias}]`);
        }
      }
    }
    for (const action of actions) {
      const [kind, target] = onlyEntry(action);
      if (kind === 'add') this.aliases.set(target.alias!, new Set([...(this.aliases.get(target.alias!) ?? []), target.index]));
      if (kind === 'remove') this.aliases.get(target.alias!)?.delete(target.index);
      if (kind === 'remove_index') this.indices.delete(target.index);
    }
    for (const [alias, behind] of this.aliases) if (behind.size === 0) this.aliases.delete(alias);
    return { acknowledged: true };
  }

  private bulk(lines: Record<string, unknown>[]) {
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < lines.length; i += 1) {
      const action = lines[i] as Record<string, { _index: string; _id: string; version?: number; version_type?: string }>;
      const [kind, target] = onlyEntry(action);
      const source = kind === 'index' ? (lines[++i] as Record<string, unknown>) : undefined;
      const result = this.write(target._index, { [kind]: { _id: target._id, version: target.version, version_type: target.version_type } }, source, false);
      const status = result instanceof errors.ResponseError ? result.statusCode! : (result as { status: number }).status;
      const error = result instanceof errors.ResponseError ? (result.body as { error?: unknown }).error : undefined;
      items.push({ [kind]: { _index: target._index, _id: target._id, status, ...(error ? { error } : {}), ...(result instanceof errors.ResponseError ? {} : result) } });
    }
    return { errors: items.some((item) => (Object.values(item)[0] as { error?: unknown }).error !== undefined), took: 1, items };
  }

  /** One index or delete with an external version, by the rules Elasticsearch applies. */
  private write(name: string, action: Record<string, { _id: string; version?: number; version_type?: string }>, source?: Record<string, unknown>, requireAlias = false) {
    const [kind, target] = onlyEntry(action);
    if (requireAlias && !this.aliases.has(name)) return failure(404, 'index_not_found_exception', `no such index [${name}] and [require_alias] request flag is [true] and [${name}] is not an alias`);
    const index = this.resolve(name);
    if (!index) return failure(404, 'index_not_found_exception', `no such index [${name}]`);
    const docs = this.indices.get(index)!.docs;
    const current = docs.get(target._id);
    if (target.version_type !== 'external' || target.version === undefined) return failure(400, 'action_request_validation_exception', 'the fake only takes external versions');
    if (current && current.version >= target.version) {
      return failure(409, 'version_conflict_engine_exception', `[${target._id}]: version conflict, current version [${current.version}] is higher or equal to the one provided [${target.version}]`);
    }
    if (kind === 'delete') {
      if (!current) return responseError(404, { _index: index, _id: target._id, result: 'not_found' });
      docs.delete(target._id);
      return { _index: index, _id: target._id, _version: target.version, result: 'deleted', status: 200 };
    }
    docs.set(target._id, { version: target.version, source: source ?? {} });
    return { _index: index, _id: target._id, _version: target.version, result: current ? 'updated' : 'created', status: current ? 200 : 201 };
  }
}

function segment(params: SeenRequest, position: number): string {
  return decodeURIComponent(params.path.split('/')[position] ?? '');
}

function indexOf(params: SeenRequest): string {
  return segment(params, 1);
}

function versionOf(querystring: Record<string, string> | undefined): { version?: number; version_type?: string } {
  return { version: querystring?.version === undefined ? undefined : Number(querystring.version), version_type: querystring?.version_type };
}

/** The one key and value of an action object ({ index: {...} }). */
function onlyEntry<T>(action: Record<string, T>): [string, T] {
  const entries = Object.entries(action);
  if (entries.length !== 1) throw new Error(`expected one action, got ${JSON.stringify(action)}`);
  return entries[0]!;
}
