import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { participantStream } from '../journey/application/journey-repository';
import type { KeysCreatedAfter, SqliteKeyVault } from '../personal-data/sqlite-key-vault';
import { betweenSlices, SLICE_MS, sliceClock } from './read-snapshot';

/**
 * Far longer than an enrolment between its key and its append (a busy timeout of 5 s at most):
 * a key this old without a stream will never have one, even if another process is enrolling.
 */
export const UNUSED_KEY_GRACE_MS = 10 * 60_000;

/** Keys read per query: a page takes a few milliseconds, and the slices between requests go on between pages. */
const KEYS_PER_PAGE = 5_000;

/**
 * Removes the keys of enrolments that were never recorded. A key is created before the
 * enrolment's append, in another transaction (and maybe in another file, KEY_VAULT_FILE); when
 * the append then fails (a full disk), the key stays behind with nothing sealed under it. At
 * start, and then every grace period, the keys created since the last collection and older than
 * the grace period are looked at, and those whose participant has no stream are deleted. How far
 * it got is kept with the keys, so that a restart does not look at every key again (a million at
 * a first start). The keys are read a page at a time and looked at in slices between requests, and
 * each one found unused is looked at again in the transaction that deletes it, in case its
 * participant was recorded meanwhile.
 */
export class UnusedKeyCollector implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Keys');
  private timer: NodeJS.Timeout | undefined;
  private collecting = false;
  private stopped = false;

  constructor(
    private readonly store: SqliteEventStore,
    private readonly vault: SqliteKeyVault,
    /** How long it looks at keys before letting requests in. */
    private readonly sliceMs = SLICE_MS,
    private readonly keysPerPage = KEYS_PER_PAGE,
  ) {}

  onModuleInit(): void {
    void this.collectLogged();
    this.timer = setInterval(() => void this.collectLogged(), UNUSED_KEY_GRACE_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.stopped = true;
  }

  /**
   * Deletes unused keys created since the last collection and before `now` less the grace period;
   * answers how many (0 when stopped meanwhile, and then the next collection looks at them again).
   */
  async collect(now = Date.now()): Promise<number> {
    const before = now - UNUSED_KEY_GRACE_MS;
    const unused = (participantId: string) => !this.store.streamExists(participantStream(participantId));
    const found: string[] = [];
    const sliceOver = sliceClock(this.sliceMs);
    let page: KeysCreatedAfter | null = { createdAt: this.vault.keysLookedAtBefore() };
    while (page !== null) {
      const { participantIds, next } = this.vault.keysCreated(page, before, this.keysPerPage);
      for (const participantId of participantIds) {
        if (unused(participantId)) found.push(participantId);
        if (sliceOver()) await betweenSlices();
        if (this.stopped) return 0;
      }
      page = next;
    }
    const removed = await this.vault.removeUnused(found, unused, before);
    if (removed > 0) this.logger.log(`Removed ${removed} keys of enrolments never recorded (no stream, created over ${UNUSED_KEY_GRACE_MS / 60_000} minutes ago)`);
    return removed;
  }

  /** On a timer: a fault (the disk, say) must not end the process; the next round looks again. */
  private async collectLogged(): Promise<void> {
    // A collection still under way (a million keys at start) is not begun twice.
    if (this.collecting) return;
    this.collecting = true;
    try {
      await this.collect();
    } catch (error) {
      this.logger.warn(`Removing unused keys failed; trying again in ${UNUSED_KEY_GRACE_MS / 60_000} minutes: ${String(error)}`);
    } finally {
      this.collecting = false;
    }
  }
}
