import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { encodeEnvelope, publishedSubject, streamOf } from '@shop/events';
import { ensureStream } from '@shop/nats';
import { isConnectionError } from '@shop/postgres';
import { OutboxListener } from './outbox-listener.js';
import { publishInAggregateOrder } from './publish-in-aggregate-order.js';
import { publishSpan } from './publish-span.js';
import { relaySettings, type OutboxRelayOptions, type RelaySettings } from './relay-options.js';
import { claimBatch, countParked, markFailed, markPublished, type ClaimedEvent, type ParkedRow } from './relay-queries.js';
import { RelaySession } from './relay-session.js';
import { retryDelayMs } from './retry-delay.js';
import { Wakeup } from './wakeup.js';

/** What a relay has done since it started, for tests, logs and health checks. */
export interface OutboxRelayMetrics {
  /** True while this relay holds the lock and publishes; false while it stands by. */
  active: boolean;
  /** Publishes JetStream acked (duplicates included). */
  published: number;
  /** Acks flagged duplicate: the event was already in the stream (retry after a lost ack, a crash or a failover). */
  duplicates: number;
  /** Publishes that failed (and were put off for a retry, parked, or left for after a NATS outage). */
  failedAttempts: number;
  /** Batches claimed and published. */
  batches: number;
  /**
   * Rows parked in the database (after their maximum failed attempts), as last counted: when the relay became
   * active, after it parked rows, and at most once per poll interval otherwise. Each holds back its aggregate.
   */
  parked: number;
}

/** A running relay. */
export interface OutboxRelay {
  metrics(): OutboxRelayMetrics;
  /** Ends the current batch (publishes in flight are awaited and marked, the rest left for later), releases the lock, closes its connections. */
  stop(): Promise<void>;
}

/**
 * Starts publishing the database's outbox to JetStream, or standing by while another relay does. Returns at once
 * and never throws later: a database or NATS that goes away is logged and retried, rows stay unpublished until
 * their publish is acked.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  return new RelayLoop(relaySettings(options));
}

class RelayLoop implements OutboxRelay {
  private readonly js: JetStreamClient;
  private readonly wakeup = new Wakeup();
  private readonly counts = { published: 0, duplicates: 0, failedAttempts: 0, batches: 0, parked: 0 };
  private parkedCountedAt = 0;
  private session: RelaySession | undefined;
  private listener: OutboxListener | undefined;
  private active = false;
  private standingBy = false;
  private streamEnsured = false;
  /** When the earliest row this relay put off is due again (ms since epoch), so an idle relay wakes for it. */
  private nextRetryAt = Number.POSITIVE_INFINITY;
  private readonly running: Promise<void>;

  constructor(private readonly settings: RelaySettings) {
    this.js = jetstream(settings.nats, { timeout: settings.publishTimeoutMs });
    this.running = this.run();
  }

  metrics(): OutboxRelayMetrics {
    return { active: this.active && this.session?.alive === true, ...this.counts };
  }

  async stop(): Promise<void> {
    this.wakeup.stop();
    await this.running;
  }

  private get logger() {
    return this.settings.logger;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.wakeup.stopped) {
      try {
        const idle = await this.step();
        failures = 0;
        if (idle) await this.wakeup.wait(this.idleWaitMs());
      } catch (error) {
        failures += 1;
        await this.recover(error, failures);
      }
    }
    await this.resign();
  }

  /** The poll interval, or less when a row this relay put off is due sooner. */
  private idleWaitMs(): number {
    const untilRetry = this.nextRetryAt - Date.now();
    if (untilRetry <= 0) this.nextRetryAt = Number.POSITIVE_INFINITY;
    return Math.max(0, Math.min(this.settings.pollIntervalMs, untilRetry + 5));
  }

  /** One turn: stand by, or claim and publish one batch. True when there was nothing to do. */
  private async step(): Promise<boolean> {
    if (this.active && !this.session?.alive) {
      this.logger.warn(`outbox relay: lost its session (${this.session?.lossReason}); standing by`);
      await this.resign();
    }
    if (!this.active && !(await this.tryToBecomeActive())) {
      await this.wakeup.pause(this.settings.standbyRetryMs);
      return false;
    }
    if (!this.streamEnsured) {
      await ensureStream(this.settings.nats, streamOf(this.settings.registry.service), this.settings.streamLimits);
      this.streamEnsured = true;
    }
    const session = this.session as RelaySession;
    const claimed = await claimBatch(session, this.settings.batchSize);
    if (claimed.length === 0) {
      if (Date.now() - this.parkedCountedAt >= this.settings.pollIntervalMs) await this.countParked(session);
      return true;
    }
    const allPublished = await this.relay(session, claimed);
    // A short batch took every row that was due: rows committed since will NOTIFY, and a wake that comes while this
    // batch was out is remembered (Wakeup), so going idle now costs no delay and saves the empty claim after it.
    return allPublished && claimed.length < this.settings.batchSize;
  }

  /** Refreshes the `parked` metric. */
  private async countParked(session: RelaySession): Promise<void> {
    this.counts.parked = await countParked(session);
    this.parkedCountedAt = Date.now();
  }

  /**
   * Publishes a claimed batch, then marks what was acked in one statement. Failed rows count an attempt (and park
   * at the maximum) only when JetStream still answers: then the failure is the row's (an unknown event type, a
   * subject no stream takes, a message too large). When it does not answer, NATS is down: the rows are left as they
   * were, and the relay backs off until its stream answers again, so an outage never parks anything. True when
   * every row was published.
   */
  private async relay(session: RelaySession, claimed: ClaimedEvent[]): Promise<boolean> {
    const outcome = await publishInAggregateOrder(claimed, (event) => this.publish(event), () => !this.wakeup.stopped && session.alive);
    this.counts.published += outcome.published.length;
    this.counts.duplicates += outcome.duplicates;
    this.counts.failedAttempts += outcome.failed.length;
    this.counts.batches += 1;
    await markPublished(session, outcome.published);
    if (outcome.failed.length === 0) return true;
    const first = outcome.failed[0];
    if (!(await this.jetStreamAnswers())) {
      this.streamEnsured = false;
      throw new Error(`NATS JetStream does not answer (first failure: ${first?.error.message}); ${outcome.failed.length} event(s) wait without counting an attempt`);
    }
    const failures = outcome.failed.map(({ event, error }) => ({ position: event.position, error: error.message, retryInMs: retryDelayMs(event.attempts + 1, this.settings.retry) }));
    const parked = await markFailed(session, failures, this.settings.maxAttempts);
    this.nextRetryAt = Math.min(this.nextRetryAt, Date.now() + Math.min(...failures.map((failure) => failure.retryInMs)));
    const retried = outcome.failed.length - parked.length;
    if (retried > 0) {
      this.logger.warn(
        `outbox relay: ${retried} publish(es) failed and will be retried (first: event ${first?.event.envelope.eventId}, attempt ${(first?.event.attempts ?? 0) + 1}: ${first?.error.message})`,
      );
    }
    if (parked.length > 0) {
      for (const row of parked) this.logParked(row);
      await this.countParked(session);
    }
    return false;
  }

  /** The one log line of a parked row: what it is, why, and how to retry it. */
  private logParked(row: ParkedRow): void {
    const service = this.settings.registry.service;
    this.logger.error(
      { eventId: row.eventId, eventType: row.eventType, aggregate: row.aggregate, attempts: row.attempts, reason: row.reason },
      `outbox relay: parked event ${row.eventId} (${row.eventType}, ${row.aggregate}) after ${row.attempts} failed publishes: ${row.reason}. ` +
        `Later events of its aggregate wait behind it; fix the cause, then \`pnpm outbox:stuck ${service} --retry ${row.eventId}\``,
    );
  }

  /** True when JetStream answers for the service's stream (within the publish timeout). */
  private async jetStreamAnswers(): Promise<boolean> {
    try {
      const manager = await jetstreamManager(this.settings.nats, { timeout: this.settings.publishTimeoutMs });
      await manager.streams.info(streamOf(this.settings.registry.service).name);
      return true;
    } catch {
      return false;
    }
  }

  private async publish(event: ClaimedEvent): Promise<{ duplicate: boolean }> {
    const subject = publishedSubject(this.settings.registry.get(event.envelope.eventType).subject, event.envelope.aggregateId);
    return publishSpan(event.envelope, subject, (envelope) => this.js.publish(subject, encodeEnvelope(envelope), { msgID: envelope.eventId, timeout: this.settings.publishTimeoutMs }));
  }

  /** Takes the lock if it is free; a standby keeps its session open between tries. */
  private async tryToBecomeActive(): Promise<boolean> {
    if (!this.session?.alive) {
      await this.session?.close();
      this.session = undefined;
      this.session = await RelaySession.open(this.settings.databaseUrl, this.settings.applicationName, () => this.wakeup.wake());
    }
    if (!(await this.session.tryLock())) {
      if (!this.standingBy) this.logger.info(`outbox relay: standing by (another relay of this database holds the relay lock)`);
      this.standingBy = true;
      return false;
    }
    this.active = true;
    this.standingBy = false;
    this.streamEnsured = false;
    this.listener = new OutboxListener(this.settings.databaseUrl, this.settings.applicationName, () => this.wakeup.wake(), this.logger);
    this.logger.info(`outbox relay: active for ${this.settings.registry.service} (holds the relay lock)`);
    await this.countParked(this.session);
    if (this.counts.parked > 0) {
      this.logger.warn(`outbox relay: ${this.counts.parked} parked event(s) hold back their aggregates; see \`pnpm outbox:stuck ${this.settings.registry.service} --list\``);
    }
    return true;
  }

  /** Gives up the lock and the connections (on stop, or when the session was lost). */
  private async resign(): Promise<void> {
    const { listener, session } = this;
    this.active = false;
    this.listener = undefined;
    this.session = undefined;
    await listener?.stop();
    await session?.close();
  }

  /** After a failed turn: log, drop a broken session, and wait a little longer each time (up to 5 s). */
  private async recover(error: unknown, failures: number): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const delayMs = Math.min(5_000, 250 * 2 ** Math.min(failures - 1, 5));
    this.logger.warn(`outbox relay: ${message}; retrying in ${delayMs} ms`);
    if (isConnectionError(error) || (this.session && !this.session.alive)) await this.resign();
    await this.wakeup.pause(delayMs);
  }
}
