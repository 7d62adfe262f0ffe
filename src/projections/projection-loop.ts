import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { type GlobalPosition, type StoredEvent, START_OF_LOG } from '../event-store/event-store.port';
import { EventApplyFailed, foldEvents, prepareBatch } from './fold-events';
import type { Projection, ReadModelCheck, ReadModelProblem } from './projection';
import { ProjectionCheckpoints } from './projection-checkpoints';
import type { CatchUpTurns } from './catch-up-turns';
import type { ProjectionCommitGroup } from './projection-commit-group';
import { ProjectionGenerations } from './projection-generations';
import { layoutOf, resetIfLaidOutOtherwise } from './projection-layout';
import { resetIfCheckpointUntrusted } from './projection-reset';
import type { LogReader } from './shared-log-reads';
import type { ReadModelVerifier } from './read-model-verifier';
import { verifyProjection } from './verify-projection';
import { errorMessage } from './error-message';
import { type RetryPolicy, retryDelay } from './retry-delay';
import { isBusy } from '../storage/write-ahead-log';

/** How often a loop tries again for the write lock another process holds (a rebuild's swap). */
const LOCK_RETRY_MS = 100;

/** What one committed batch changed, told to live subscribers once it is durable. */
export interface ProjectionChange {
  projection: string;
  /** Distinct topics the batch's events changed. */
  topics: readonly string[];
  /** The projection's checkpoint after the batch. */
  position: GlobalPosition;
}

export interface LoopSettings {
  /** Events per read and per transaction. */
  batchSize: number;
  retry: RetryPolicy;
}

export interface LoopListener {
  /** A batch was committed: its read-model rows and the checkpoint together. */
  committed(change: ProjectionChange): void;
  /** The loop's position moved: after a commit, or to a checkpoint a rebuild moved past it. */
  moved(): void;
}

interface Committed {
  position: GlobalPosition;
  topics: readonly string[];
  /** False when every event was at or below a checkpoint moved by someone else: nothing was written. */
  wrote: boolean;
}

/** A projection opened on the loop's connection. */
interface Opened {
  /** Prepares the batch (when the writer needs to), then folds it in and moves the checkpoint, in one transaction. */
  fold(events: readonly StoredEvent[]): Promise<Committed>;
}

/** The checkpoint row went while the loop ran (someone deleted it): folding on would make it the start of the log. */
class CheckpointLost extends Error {
  override readonly name = 'CheckpointLost';
}

/** One projection folding the global log in, on its own, for as long as its signal allows. */
export class ProjectionLoop {
  private currentPosition: GlobalPosition = START_OF_LOG;
  private currentError: string | null = null;
  private failures = 0;
  private knownProblems: readonly ReadModelProblem[] | null = null;
  /** Of the tables the loop last opened or verified; undefined until it has opened them. */
  private knownGeneration: number | undefined;
  /** Of the loop's run: a verification the stop refused is no failure to report. */
  private runSignal: AbortSignal | undefined;
  /** Until a read of the log comes back short of a batch, there is at least a batch more to fold at once. */
  private readFullBatch = true;
  /** Another process holds the file's write lock: the loop waits for it, which is no failure. */
  private waitingForLock = false;

  constructor(
    private readonly projection: Projection,
    private readonly db: Database.Database,
    private readonly log: LogReader,
    private readonly settings: LoopSettings,
    private readonly listener: LoopListener,
    private readonly logger: Logger,
    private readonly commits: ProjectionCommitGroup,
    private readonly verifier: ReadModelVerifier,
    private readonly turns: CatchUpTurns,
  ) {}

  get name(): string {
    return this.projection.name;
  }

  get position(): GlobalPosition {
    return this.currentPosition;
  }

  get lastError(): string | null {
    return this.currentError;
  }

  get failedAttempts(): number {
    return this.failures;
  }

  /** What the last verification found; null before the first one. */
  get problems(): readonly ReadModelProblem[] | null {
    return this.knownProblems;
  }

  get generation(): number | undefined {
    return this.knownGeneration;
  }

  /** Whether it is catching up: its last read filled a whole batch, or it has not read the log yet. */
  get catchingUp(): boolean {
    return this.readFullBatch;
  }

  /**
   * Checks the read model again (at start, after its tables were replaced, or periodically),
   * logging what changed: a damage found, or gone.
   */
  async verify(): Promise<void> {
    let problems: ReadModelProblem[];
    try {
      ({ problems } = await this.verifier.verify(this.projection));
    } catch (error) {
      // Stopped meanwhile, the verifier closed with the runner: nothing went wrong.
      if (this.runSignal?.aborted) return;
      // Another connection holds the file: what was known stands until the next check.
      this.logger.warn(`Projection ${this.projection.name}'s read model could not be verified now: ${errorMessage(error)}`);
      return;
    }
    this.record(problems);
  }

  /** Resets the projection when `problems` say its checkpoint does not describe its tables (confirmed by `check` under the write lock): true if it did. */
  private resetIfUntrusted(checkpoints: ProjectionCheckpoints, problems: readonly ReadModelProblem[], check: ReadModelCheck): boolean {
    const untrusted = resetIfCheckpointUntrusted(this.db, this.projection, checkpoints, problems, check);
    if (untrusted.length === 0) return false;
    const said = untrusted.map((p) => p.message).join('; ');
    this.logger.warn(`Projection ${this.projection.name}'s checkpoint did not describe its tables (${said}): folding the log into new ones from the start`);
    return true;
  }

  /** Keeps what a verification found, and logs what changed: a damage found, or gone. */
  private record(problems: readonly ReadModelProblem[]): void {
    const said = (list: readonly ReadModelProblem[] | null) => (list ?? []).map((p) => p.message).join('; ');
    if (said(problems) !== said(this.knownProblems)) {
      const { name } = this.projection;
      if (problems.length > 0) {
        this.logger.warn(`Projection ${name}'s read model is damaged: ${said(problems)}. \`npm run projections:rebuild -- ${name}\` repairs it`);
      } else if (this.knownProblems !== null) {
        this.logger.log(`Projection ${name}'s read model is intact again`);
      }
    }
    this.knownProblems = problems;
  }

  /**
   * Its tables were replaced under it (a rebuild's swap, seen by the generation moving): checks
   * them again (in the background), and answers the topics they hold, for live subscribers to read anew.
   */
  replaced(generation: number): readonly string[] {
    this.knownGeneration = generation;
    void this.verify();
    return this.projection.liveTopics?.(this.db) ?? [];
  }

  /** Never rejects: every failure is recorded, logged and retried until the signal aborts. */
  async run(signal: AbortSignal): Promise<void> {
    this.runSignal = signal;
    let opened: Opened | undefined;
    while (!signal.aborted) {
      try {
        // Opening writes (tables, checkpoint row) and may meet a busy file: it is retried like the rest.
        opened ??= await this.open();
        // Stopped while it waited for the verdict: it folds nothing more.
        if (signal.aborted) break;
        const events = await this.log.readAll(this.currentPosition, this.settings.batchSize);
        this.readFullBatch = events.length >= this.settings.batchSize;
        // The read may have waited: a reset or swap since then is seen by the commit, under the lock.
        if (events.length === 0) {
          this.recovered();
          await this.log.waitForEvents(this.currentPosition, signal);
          continue;
        }
        const { position, topics, wrote } = await opened.fold(events);
        this.currentPosition = position;
        this.lockFreed();
        this.recovered();
        this.listener.moved();
        if (wrote) this.listener.committed({ projection: this.projection.name, topics, position });
        // Reads from SQLite resolve at once: without this, catching up a long log would starve every request.
        await (this.readFullBatch ? this.turns.next() : nextTurn());
      } catch (error) {
        // Stopped while waiting for the verifier, which the stop ends: nothing failed.
        if (signal.aborted) break;
        if (isBusy(error)) {
          await this.waitForTheLock(signal);
          continue;
        }
        if (error instanceof CheckpointLost) {
          this.logger.warn(`Projection ${this.projection.name}'s checkpoint row is gone while its tables stayed: checking them before folding on`);
          opened = undefined;
          continue;
        }
        this.failures += 1;
        this.currentError = errorMessage(error);
        const delay = retryDelay(this.failures, this.settings.retry);
        // The message and positions only: event data may hold personal data, even sealed.
        const where = error instanceof EventApplyFailed ? `on the event at position ${error.position}` : `after position ${this.currentPosition}`;
        this.logger.error(
          `Projection ${this.projection.name} failed ${where} (attempt ${this.failures}, next in ${delay} ms): ${this.currentError}`,
        );
        await pause(delay, signal);
      }
    }
  }

  private async open(): Promise<Opened> {
    const name = this.projection.name;
    const checkpoints = new ProjectionCheckpoints(this.db);
    const found = resetIfLaidOutOtherwise(this.db, this.projection, checkpoints);
    if (found !== null) {
      this.logger.log(`Projection ${name}'s tables were laid out for version ${found}, not ${layoutOf(this.projection)}: folding the log into new ones from the start`);
    }
    // Before its tables are made, for readers to find at once: a table gone or rows without a checkpoint, seen without reading the rows.
    const structure: ReadModelCheck = { name, tables: this.projection.tables };
    this.resetIfUntrusted(checkpoints, verifyProjection(this.db, structure).problems, structure);
    let writer = this.projection.open(this.db);
    this.currentPosition = checkpoints.read(name);
    // Verified, every row read by the verifier (a process of its own on a file), before anything is folded: at start, once, unless it must be reset.
    let { problems } = await this.verifier.verify(this.projection);
    if (this.resetIfUntrusted(checkpoints, problems, this.projection)) {
      writer = this.projection.open(this.db);
      this.currentPosition = checkpoints.read(name);
      ({ problems } = await this.verifier.verify(this.projection));
    }
    this.knownGeneration = new ProjectionGenerations(this.db).read(name);
    this.record(problems);
    const commit = this.db.transaction((events: readonly StoredEvent[]): Committed => {
      // Read again under the write lock: a rebuild may have swapped in newer tables and checkpoint since.
      const found = checkpoints.find(name);
      // Lost after the loop folded events in: its tables stayed, and folded from the start they would count them twice.
      if (found === undefined && this.currentPosition > START_OF_LOG) throw new CheckpointLost();
      const checkpoint = found ?? START_OF_LOG;
      const last = events.at(-1)!.position;
      if (last <= checkpoint) {
        writer.discard?.();
        return { position: checkpoint, topics: [], wrote: false };
      }
      const topics = foldEvents(writer, events, checkpoint);
      checkpoints.write(name, last);
      return { position: last, topics: [...topics], wrote: true };
    });
    const fold = async (events: readonly StoredEvent[]): Promise<Committed> => {
      await prepareBatch(writer, events);
      try {
        // With the other loops' batches woken by the same append: the group's transaction takes the write lock before the checkpoint is read.
        return await this.commits.commit(() => commit(events));
      } catch (error) {
        // A busy file or a lost checkpoint, before the batch was folded: what was prepared for it goes too.
        writer.discard?.();
        throw error;
      }
    };
    return { fold };
  }

  /**
   * A rebuild's swap, an import or an operator's shell holds the write lock: the loop tries again
   * shortly, without counting a failure or holding the event loop in SQLite's busy wait.
   */
  private async waitForTheLock(signal: AbortSignal): Promise<void> {
    if (!this.waitingForLock) this.logger.log(`Projection ${this.projection.name} waits for another process's write lock (a rebuild's swap, say)`);
    this.waitingForLock = true;
    await pause(LOCK_RETRY_MS, signal);
  }

  private lockFreed(): void {
    if (!this.waitingForLock) return;
    this.waitingForLock = false;
    this.logger.log(`Projection ${this.projection.name} folds on: the write lock is free again`);
  }

  private recovered(): void {
    if (this.failures === 0) return;
    this.logger.log(`Projection ${this.projection.name} recovered at position ${this.currentPosition} after ${this.failures} failed attempts`);
    this.failures = 0;
    this.currentError = null;
  }
}

/** Waits `ms`, or less if the signal aborts: stop() must not wait out a long backoff. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}
