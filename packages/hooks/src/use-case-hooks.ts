import type { Caller } from '@shop/identity';
import type { Logger } from '@shop/logger';
import { scopeFor, type AccessTable, type Scope } from './access-table.js';

/** A service's operations: each name with the input its use case takes and the result it gives. */
export type Operations = { [name: string]: { input: unknown; output: unknown } };

/** One run of a use case, as hooks see it. */
export interface Invocation<Input> {
  readonly operation: string;
  readonly caller: Caller;
  /** What the access rule let this caller see. */
  readonly scope: Scope;
  readonly input: Input;
}

/** Runs before the use case: throws to refuse, returns a new input to adjust it, or nothing to let it pass. */
export type BeforeHook<Input> = (invocation: Invocation<Input>) => Input | void | Promise<Input | void>;

/** Runs after the use case committed, with its result. A failure is logged and undoes nothing. */
export type AfterHook<Input, Output> = (invocation: Invocation<Input>, result: Output) => void | Promise<void>;

/** The hooks of a service, by operation, as its composition root lists them. */
export interface HookLists<Ops extends Operations> {
  before?: { [K in keyof Ops]?: readonly BeforeHook<Ops[K]['input']>[] };
  after?: { [K in keyof Ops]?: readonly AfterHook<Ops[K]['input'], Ops[K]['output']>[] };
  /** After-hooks of every operation (auditing, metrics); they see input and result as unknown. */
  afterEach?: readonly AfterHook<unknown, unknown>[];
}

/**
 * Runs a service's use cases inside their hooks. The access rule of the operation comes first (the table is
 * required, so no operation runs unchecked), then the before-hooks in order, the use case, and after it
 * committed, the after-hooks. Plain functions in lists: no decorators, no names scanned at run time.
 */
export class UseCaseHooks<Ops extends Operations> {
  constructor(
    private readonly table: AccessTable<keyof Ops & string>,
    private readonly hooks: HookLists<Ops>,
    private readonly logger: Logger,
  ) {}

  /** Runs `useCase` as `operation` for `caller`, with the hooks around it. */
  async run<K extends keyof Ops & string>(
    operation: K,
    caller: Caller,
    input: Ops[K]['input'],
    useCase: (input: Ops[K]['input'], scope: Scope) => Promise<Ops[K]['output']>,
  ): Promise<Ops[K]['output']> {
    let invocation: Invocation<Ops[K]['input']> = { operation, caller, scope: scopeFor(this.table[operation], caller, operation), input };
    for (const hook of this.hooks.before?.[operation] ?? []) {
      const adjusted = await hook(invocation);
      if (adjusted !== undefined) invocation = { ...invocation, input: adjusted };
    }
    const result = await useCase(invocation.input, invocation.scope);
    const after = [...(this.hooks.after?.[operation] ?? []), ...((this.hooks.afterEach ?? []) as readonly AfterHook<Ops[K]['input'], Ops[K]['output']>[])];
    for (const hook of after) {
      try {
        await hook(invocation, result);
      } catch (error) {
        this.logger.error({ err: error, operation }, 'after-hook failed; the change stands');
      }
    }
    return result;
  }
}
