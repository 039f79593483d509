// The spans received so far, grouped by trace, and the quiet-period rule that decides when a trace is finished:
// OTLP has no "trace complete" signal, and each service exports its spans on its own schedule, so a trace counts
// as finished once no span of it has arrived for a while.
import type { ReceivedSpan } from './received-span.js';
import { compareByStart } from './trace-tree.js';

/** A trace reported as finished; it is reported again, with every span, if more spans of it arrive later. */
export interface FinishedTrace {
  traceId: string;
  /** Every span of the trace received so far, by start time. */
  spans: ReceivedSpan[];
  /** How many spans arrived after the previous report of this trace; 0 on the first report. */
  lateSpans: number;
}

/** What the store needs from its owner. */
export interface TraceStoreOptions {
  quietMs: number;
  /** Past this many spans, the oldest finished traces are forgotten, so a receiver left running does not grow forever. */
  maxSpans: number;
  onTrace: (trace: FinishedTrace) => void;
}

interface TraceEntry {
  // By span id: an exporter that retries sends the same span twice, and it must count once.
  spans: Map<string, ReceivedSpan>;
  quietTimer: NodeJS.Timeout | undefined;
  reported: boolean;
  unreported: number;
}

interface Waiter {
  predicate: (spans: ReceivedSpan[]) => boolean;
  resolve: (spans: ReceivedSpan[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Holds received spans, reports traces once they go quiet, and wakes whoever waits for a condition on the spans. */
export class TraceStore {
  private readonly traces = new Map<string, TraceEntry>();
  private readonly waiters = new Set<Waiter>();
  private spanCount = 0;
  private closed = false;

  constructor(private readonly options: TraceStoreOptions) {}

  /** Takes in the spans of one export request. */
  add(spans: ReceivedSpan[]): void {
    if (this.closed || spans.length === 0) return;
    for (const span of spans) {
      let entry = this.traces.get(span.traceId);
      if (!entry) {
        entry = { spans: new Map(), quietTimer: undefined, reported: false, unreported: 0 };
        this.traces.set(span.traceId, entry);
      }
      if (!entry.spans.has(span.spanId)) {
        this.spanCount++;
        entry.unreported++;
      }
      entry.spans.set(span.spanId, span);
      if (entry.quietTimer) {
        entry.quietTimer.refresh();
      } else {
        const traceId = span.traceId;
        entry.quietTimer = setTimeout(() => this.report(traceId), this.options.quietMs);
        // The HTTP server is what keeps a receiver's process alive, not a trace waiting to be printed.
        entry.quietTimer.unref();
      }
    }
    this.forgetOldest();
    this.wakeWaiters();
  }

  /** Every span kept, trace by trace in the order the traces first appeared, each trace's spans in arrival order. */
  spans(): ReceivedSpan[] {
    return [...this.traces.values()].flatMap((entry) => [...entry.spans.values()]);
  }

  /** The spans of one trace by start time; empty when none arrived. */
  trace(traceId: string): ReceivedSpan[] {
    const entry = this.traces.get(traceId.toLowerCase());
    return entry ? [...entry.spans.values()].sort(compareByStart) : [];
  }

  /** Resolves with all spans once predicate(spans) holds, checking now and after every export; rejects after timeoutMs. */
  waitForSpans(predicate: (spans: ReceivedSpan[]) => boolean, timeoutMs: number): Promise<ReceivedSpan[]> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('waitForSpans: the trace receiver is closed'));
        return;
      }
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`waitForSpans: the condition did not hold within ${timeoutMs} ms; ${this.summary()}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      this.wakeWaiters();
    });
  }

  /** Reports every trace still inside its quiet period now, then takes no more spans and fails whoever still waits. */
  close(): void {
    for (const [traceId, entry] of this.traces) if (entry.quietTimer) this.report(traceId);
    this.closed = true;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`waitForSpans: the trace receiver closed before the condition held; ${this.summary()}`));
    }
    this.waiters.clear();
  }

  private report(traceId: string): void {
    const entry = this.traces.get(traceId);
    if (!entry) return;
    clearTimeout(entry.quietTimer);
    entry.quietTimer = undefined;
    const trace: FinishedTrace = { traceId, spans: [...entry.spans.values()].sort(compareByStart), lateSpans: entry.reported ? entry.unreported : 0 };
    entry.reported = true;
    entry.unreported = 0;
    try {
      this.options.onTrace(trace);
    } catch (error) {
      // A failing callback runs from a timer, where a throw would end the process; say so and carry on.
      console.error(`traces | onTrace failed for trace ${traceId}: ${(error as Error).stack ?? String(error)}`);
    }
  }

  private forgetOldest(): void {
    for (const [traceId, entry] of this.traces) {
      if (this.spanCount <= this.options.maxSpans) return;
      if (entry.quietTimer) continue;
      this.traces.delete(traceId);
      this.spanCount -= entry.spans.size;
    }
  }

  private wakeWaiters(): void {
    if (this.waiters.size === 0) return;
    const spans = this.spans();
    for (const waiter of this.waiters) {
      let holds: boolean;
      try {
        holds = waiter.predicate(spans);
      } catch (error) {
        holds = false;
        this.waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.reject(error as Error);
      }
      if (holds) {
        this.waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve(spans);
      }
    }
  }

  private summary(): string {
    const spans = this.spans();
    if (spans.length === 0) return 'no spans received';
    const names = spans.slice(0, 20).map((span) => `${span.service} ${span.name}`);
    return `${spans.length} span${spans.length === 1 ? '' : 's'} received: ${names.join(', ')}${spans.length > 20 ? ', ...' : ''}`;
  }
}
