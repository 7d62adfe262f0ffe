import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { type Observable, Subject } from 'rxjs';
import type { EventStore, GlobalPosition } from '../event-store/event-store.port';
import type { Projection, ReadModelProblem } from './projection';
import { errorMessage } from './error-message';
import { ProjectionGenerations } from './projection-generations';
import { type LoopSettings, type ProjectionChange, ProjectionLoop } from './projection-loop';
import { assertUniqueNames } from './projection-names';
import { CatchUpTurns } from './catch-up-turns';
import { ProjectionCommitGroup } from './projection-commit-group';
import { inThreadVerifier, type ReadModelVerifier } from './read-model-verifier';
import { SharedLogReads } from './shared-log-reads';

export type { ProjectionChange } from './projection-loop';

export interface ProjectionRunnerOptions extends LoopSettings {
  /** How often the runner looks whether another process (a rebuild) replaced a projection's tables. */
  watchEveryMs: number;
  /** How often every read model is verified again, besides at start and after its tables were replaced. */
  verifyEveryMs: number;
}

export const DEFAULT_RUNNER_OPTIONS: ProjectionRunnerOptions = {
  // Catching up, each commit writes the batch's pages to the WAL, and checkpoints wait for the disk: at 100,000
  // participants, batches of 20,000 caught up a fifth faster than batches of 10,000 (and 50,000 little faster still).
  // Live reads are as small as what is new; while catching up, the event loop is held for one batch of one projection
  // at a time (catch-up-turns.ts), a few tenths of a second on two cores.
  batchSize: 20_000,
  retry: { firstDelayMs: 100, maxDelayMs: 30_000 },
  // One indexed read of a few rows: live subscribers get repaired figures within a second of a swap.
  watchEveryMs: 1_000,
  // Verifying reads every read model's rows once (about a second for a national file): seldom, to find damage no event shows.
  verifyEveryMs: 15 * 60_000,
};

export interface ProjectionStatus {
  name: string;
  /** Checkpoint: the last event folded into the read model. */
  position: GlobalPosition;
  healthy: boolean;
  lastError: string | null;
  /** Attempts failed in a row; 0 when healthy. */
  failedAttempts: number;
  /** What verifying its read model last found wrong (empty: nothing); null before it was first verified. */
  problems: readonly ReadModelProblem[] | null;
  /**
   * Whether it is catching up, a whole batch or more behind the log's head (after a restart, a new
   * layout, a large import): its last read filled a batch, or it has not read the log yet.
   */
  catchingUp: boolean;
}

/**
 * Keeps every projection's read model up to date with the global log, each projection on a loop
 * of its own so that a broken one holds no other back. The loops read the log through one
 * SharedLogReads: catching up, they go in step and each batch is read and decoded once for all.
 */
export class ProjectionRunner {
  private readonly changes = new Subject<ProjectionChange>();
  /** Every committed batch, after its commit: what live subscriptions listen to. */
  readonly changes$: Observable<ProjectionChange> = this.changes.asObservable();
  private readonly loops: ProjectionLoop[];
  /** Called whenever a position moves or the runner stops, to settle waitUntilCaughtUp calls. */
  private readonly progressWatchers = new Set<() => void>();
  private running: { controller: AbortController; loops: Promise<void[]>; timers: NodeJS.Timeout[] } | null = null;
  private readonly settings: ProjectionRunnerOptions;
  private readonly logger: Logger;
  private generations?: ProjectionGenerations;

  constructor(
    private readonly db: Database.Database,
    store: EventStore,
    projections: readonly Projection[],
    options: Partial<ProjectionRunnerOptions> = {},
    /** Verifies the read models: on the runner's own connection unless told otherwise (read-model-verification.ts). */
    private readonly verifier: ReadModelVerifier = inThreadVerifier(db),
  ) {
    assertUniqueNames(projections);
    const settings = (this.settings = { ...DEFAULT_RUNNER_OPTIONS, ...options });
    const logger = (this.logger = new Logger(ProjectionRunner.name));
    const listener = { committed: (change: ProjectionChange) => this.changes.next(change), moved: () => this.notifyProgress() };
    const log = new SharedLogReads(store, projections.length);
    const commits = new ProjectionCommitGroup(db);
    const turns = new CatchUpTurns();
    this.loops = projections.map((projection) => new ProjectionLoop(projection, db, log, settings, listener, logger, commits, verifier, turns));
  }

  /** Starts every loop: each catches up from its checkpoint, then follows the log. Returns at once. */
  start(): void {
    if (this.running) throw new Error('The projection runner is already running');
    const controller = new AbortController();
    // Neither keeps the process alive: stop() ends them, and an exit need not wait for them.
    const timers = [
      setInterval(() => this.watchReplacedTables(), this.settings.watchEveryMs).unref(),
      setInterval(() => void this.verify(), this.settings.verifyEveryMs).unref(),
    ];
    this.running = { controller, loops: Promise.all(this.loops.map((loop) => loop.run(controller.signal))), timers };
  }

  /** Ends every loop between two batches and resolves once all have ended. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const { controller, loops, timers } = this.running;
    for (const timer of timers) clearInterval(timer);
    controller.abort();
    // A loop waiting for its verdict ends once the verifier has ended.
    await this.verifier.close();
    await loops;
    this.running = null;
    this.notifyProgress();
  }

  status(): ProjectionStatus[] {
    return this.loops.map((loop) => ({
      name: loop.name,
      position: loop.position,
      healthy: loop.lastError === null,
      lastError: loop.lastError,
      failedAttempts: loop.failedAttempts,
      problems: loop.problems,
      catchingUp: loop.catchingUp,
    }));
  }

  /** Verifies every read model the runner has opened again, now: what status() reports once it resolves. */
  async verify(): Promise<void> {
    await Promise.all(this.loops.filter((loop) => loop.generation !== undefined).map((loop) => loop.verify()));
  }

  /**
   * Tables replaced by another connection (the rebuild command's swap): each loop checks them
   * again, and live subscribers are told of every topic they hold, as if each had changed.
   */
  private watchReplacedTables(): void {
    let now: Map<string, number>;
    try {
      now = (this.generations ??= new ProjectionGenerations(this.db)).all();
    } catch {
      return; // A busy file: the next look will do.
    }
    for (const loop of this.loops) {
      const generation = now.get(loop.name) ?? 0;
      if (loop.generation === undefined || loop.generation === generation) continue;
      let topics: readonly string[];
      try {
        topics = loop.replaced(generation);
      } catch (error) {
        // A timer's callback must not throw: that would end the process.
        this.logger.error(`Projection ${loop.name}'s replaced tables could not be read: ${errorMessage(error)}`);
        continue;
      }
      if (topics.length > 0) this.changes.next({ projection: loop.name, topics, position: loop.position });
    }
  }

  /**
   * Resolves true once every read model includes the event at `position` (read-your-writes); false
   * after `timeoutMs`, when the runner stops first, or at once when it is not running.
   */
  waitUntilCaughtUp(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    if (this.caughtUpTo(position)) return Promise.resolve(true);
    if (!this.running) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const settle = (caughtUp: boolean): void => {
        clearTimeout(timer);
        this.progressWatchers.delete(watch);
        resolve(caughtUp);
      };
      const watch = (): void => {
        if (this.caughtUpTo(position)) settle(true);
        else if (!this.running) settle(false);
      };
      const timer = setTimeout(() => settle(false), timeoutMs);
      this.progressWatchers.add(watch);
    });
  }

  private caughtUpTo(position: GlobalPosition): boolean {
    return this.loops.every((loop) => loop.position >= position);
  }

  private notifyProgress(): void {
    for (const watch of [...this.progressWatchers]) watch();
  }
}
