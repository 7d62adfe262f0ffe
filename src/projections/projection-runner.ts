import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { type Observable, Subject } from 'rxjs';
import type { EventStore, GlobalPosition } from '../event-store/event-store.port';
import type { Projection } from './projection';
import { type LoopSettings, type ProjectionChange, ProjectionLoop } from './projection-loop';
import { assertUniqueNames } from './projection-names';

export type { ProjectionChange } from './projection-loop';

export type ProjectionRunnerOptions = LoopSettings;

export const DEFAULT_RUNNER_OPTIONS: ProjectionRunnerOptions = {
  // Large enough that catching up costs few commits (each one an fsync), small enough to keep a batch's transaction short.
  batchSize: 1_000,
  retry: { firstDelayMs: 100, maxDelayMs: 30_000 },
};

export interface ProjectionStatus {
  name: string;
  /** Checkpoint: the last event folded into the read model. */
  position: GlobalPosition;
  healthy: boolean;
  lastError: string | null;
  /** Attempts failed in a row; 0 when healthy. */
  failedAttempts: number;
}

/**
 * Keeps every projection's read model up to date with the global log, each projection on a loop
 * of its own so that a broken one holds no other back.
 */
export class ProjectionRunner {
  private readonly changes = new Subject<ProjectionChange>();
  /** Every committed batch, after its commit: what live subscriptions listen to. */
  readonly changes$: Observable<ProjectionChange> = this.changes.asObservable();
  private readonly loops: ProjectionLoop[];
  /** Called whenever a position moves or the runner stops, to settle waitUntilCaughtUp calls. */
  private readonly progressWatchers = new Set<() => void>();
  private running: { controller: AbortController; loops: Promise<void[]> } | null = null;

  constructor(db: Database.Database, store: EventStore, projections: readonly Projection[], options: Partial<ProjectionRunnerOptions> = {}) {
    assertUniqueNames(projections);
    const settings = { ...DEFAULT_RUNNER_OPTIONS, ...options };
    const logger = new Logger(ProjectionRunner.name);
    const listener = { committed: (change: ProjectionChange) => this.changes.next(change), moved: () => this.notifyProgress() };
    this.loops = projections.map((projection) => new ProjectionLoop(projection, db, store, settings, listener, logger));
  }

  /** Starts every loop: each catches up from its checkpoint, then follows the log. Returns at once. */
  start(): void {
    if (this.running) throw new Error('The projection runner is already running');
    const controller = new AbortController();
    this.running = { controller, loops: Promise.all(this.loops.map((loop) => loop.run(controller.signal))) };
  }

  /** Ends every loop between two batches and resolves once all have ended. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const { controller, loops } = this.running;
    controller.abort();
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
    }));
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
