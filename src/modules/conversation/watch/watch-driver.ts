import { setTimeout as sleep } from 'node:timers/promises';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../../config';
import { SocketMetrics } from '../../../platform/realtime/socket-metrics';
import type { ConversationEntity } from '../entities/conversation.entity';
import { reachedNaturalEnd } from './domain/natural-end';
import { DriverLock, type DriverLease } from './driver-lock';
import { TurnTaker } from './turn-taker';
import { WatchEndings } from './watch-endings';
import { WatchEventBus } from './watch-event-bus';
import { WatchPresence } from './watch-presence';
import { WatchStore, type NumberedMessage } from './watch-store';
import { watchSettingsOf, type WatchEndReason } from './watch-session';

/** Consecutive failed turns after which the session ends with `llm_unavailable`. */
const MAX_FAILED_TURNS = 3;
const MAX_BACKOFF_MS = 10_000;
/** Lines redone in a row because the learner kept talking; then one is kept, so a chatty learner cannot stall the colleagues. */
const MAX_REDONE_LINES = 2;

/**
 * Runs watch sessions: the server, not a client, takes the turns. A session is driven by whichever instance
 * holds its lock; any instance with a watcher (or a new stream, join or message) starts a driver for a
 * session whose lock is free, so a session left by a stopped or crashed instance carries on.
 */
@Injectable()
export class WatchDriver implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('WatchDriver');
  private readonly running = new Map<string, AbortController>();
  private readonly starting = new Set<string>();
  private readonly tasks = new Set<Promise<void>>();
  private readonly unsubscribe: Array<() => void> = [];
  private closing = false;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly store: WatchStore,
    private readonly lock: DriverLock,
    private readonly presence: WatchPresence,
    private readonly bus: WatchEventBus,
    private readonly endings: WatchEndings,
    private readonly turns: TurnTaker,
    private readonly metrics: SocketMetrics,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.bus.listen((event) => {
        if (event.type !== 'ended') return;
        this.running.get(event.sessionId)?.abort();
        this.presence.forget(event.sessionId);
      }),
      this.presence.onHeartbeat((sessionIds) => sessionIds.forEach((id) => void this.ensure(id))),
    );
  }

  /** Hands sessions back before the connections close: their locks are released for another instance. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.unsubscribe.forEach((u) => u());
    for (const control of this.running.values()) control.abort();
    await Promise.allSettled([...this.tasks]);
  }

  /** Starts driving the session here unless it is driven already (here or on another instance). */
  async ensure(sessionId: string): Promise<void> {
    if (this.closing || this.running.has(sessionId) || this.starting.has(sessionId)) return;
    this.starting.add(sessionId);
    try {
      const lease = await this.lock.acquire(sessionId);
      if (!lease) return;
      const control = new AbortController();
      lease.lost.addEventListener('abort', () => control.abort(), { once: true });
      this.running.set(sessionId, control);
      this.metrics.active.inc({ type: 'watch' });
      const task = this.drive(sessionId, lease, control.signal)
        .catch((e: Error) => this.logger.error(`driver of ${sessionId} failed: ${e.message}`))
        .finally(async () => {
          this.running.delete(sessionId);
          this.metrics.active.dec({ type: 'watch' });
          await lease.release();
          this.tasks.delete(task);
        });
      this.tasks.add(task);
    } finally {
      this.starting.delete(sessionId);
    }
  }

  private async drive(sessionId: string, lease: DriverLease, signal: AbortSignal): Promise<void> {
    const idle = { since: null as number | null };
    let failures = 0;
    let redone = 0;
    let paceFirst = false;
    while (!signal.aborted) {
      const session = await this.store.find(sessionId);
      if (!session || session.endedAt) return;
      const lines = await this.store.numbered(sessionId);
      const reason = await this.reasonToStop(session, lines, idle);
      if (reason) {
        await this.endings.close(sessionId, reason);
        return;
      }
      // Pause before the turn, then look again: a stop or a learner message may arrive meanwhile.
      if (paceFirst) {
        await this.pause(
          failures ? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1)) : this.config.watch.turnDelayMs,
          signal,
        );
        paceFirst = false;
        continue;
      }
      paceFirst = true;
      try {
        const outcome = await this.turns.take(session, lines, lease, signal, redone >= MAX_REDONE_LINES);
        // A line dropped because the learner spoke meanwhile is written again at once, now answering them.
        redone = outcome === 'stale' ? redone + 1 : 0;
        if (outcome === 'stale') paceFirst = false;
        failures = 0;
      } catch (e) {
        if (signal.aborted) return;
        failures += 1;
        this.logger.warn(
          `turn of ${sessionId} failed (${failures}/${MAX_FAILED_TURNS}): ${(e as Error).message}`,
        );
        if (failures >= MAX_FAILED_TURNS) {
          await this.endings.close(sessionId, 'llm_unavailable');
          return;
        }
      }
    }
  }

  private async reasonToStop(
    session: ConversationEntity,
    lines: NumberedMessage[],
    idle: { since: number | null },
  ): Promise<WatchEndReason | null> {
    const settings = watchSettingsOf(session);
    if (lines.filter((l) => l.turn !== null).length >= settings.maxTurns) return 'max_turns';
    if ((settings.state?.tokensUsed ?? 0) >= this.config.watch.maxTokens) return 'token_cap';
    if (reachedNaturalEnd(this.store.entriesOf(session, lines), session.locale)) return 'natural_end';
    if ((await this.presence.count(session.id)) > 0) idle.since = null;
    else {
      idle.since ??= Date.now();
      if (Date.now() - idle.since >= this.config.watch.idleTimeoutSeconds * 1000) return 'idle';
    }
    return null;
  }

  private async pause(ms: number, signal: AbortSignal): Promise<void> {
    if (ms <= 0) return;
    await sleep(ms, undefined, { signal }).catch(() => undefined);
  }
}
