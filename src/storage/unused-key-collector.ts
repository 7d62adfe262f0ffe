import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { participantStream } from '../journey/application/journey-repository';
import type { SqliteKeyVault } from '../personal-data/sqlite-key-vault';

/**
 * Far longer than an enrolment between its key and its append (a busy timeout of 5 s at most):
 * a key this old without a stream will never have one, even if another process is enrolling.
 */
export const UNUSED_KEY_GRACE_MS = 10 * 60_000;

/**
 * Removes the keys of enrolments that were never recorded. A key is created before the
 * enrolment's append, in another transaction (and maybe in another file, KEY_VAULT_FILE); when
 * the append then fails (a full disk), the key stays behind with nothing sealed under it. At
 * start, before any request, every key older than the grace period whose participant has no
 * stream is deleted; then, every grace period, those created since.
 */
export class UnusedKeyCollector implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Keys');
  private timer: NodeJS.Timeout | undefined;
  /** Keys created before this were looked at already; null before the first collection. */
  private collectedUpTo: number | null = null;

  constructor(
    private readonly store: SqliteEventStore,
    private readonly vault: SqliteKeyVault,
  ) {}

  onModuleInit(): void {
    this.collectLogged();
    this.timer = setInterval(() => this.collectLogged(), UNUSED_KEY_GRACE_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Deletes unused keys created before `now` less the grace period; answers how many. */
  collect(now = Date.now()): number {
    const before = now - UNUSED_KEY_GRACE_MS;
    const removed = this.vault.removeUnused((participantId) => !this.store.streamExists(participantStream(participantId)), this.collectedUpTo, before);
    this.collectedUpTo = Math.max(this.collectedUpTo ?? before, before);
    if (removed > 0) this.logger.log(`Removed ${removed} keys of enrolments never recorded (no stream, created over ${UNUSED_KEY_GRACE_MS / 60_000} minutes ago)`);
    return removed;
  }

  /** On a timer: a fault (the disk, say) must not end the process; the next round looks again. */
  private collectLogged(): void {
    try {
      this.collect();
    } catch (error) {
      this.logger.warn(`Removing unused keys failed; trying again in ${UNUSED_KEY_GRACE_MS / 60_000} minutes: ${String(error)}`);
    }
  }
}
