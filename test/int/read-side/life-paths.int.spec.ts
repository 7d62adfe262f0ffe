import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { loadConfig } from '../../../src/config/config';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { anonymiseRelease } from '../../../src/life-paths/anonymise-release';
import { evolveLifePathRecord, type FoldedLifePath } from '../../../src/life-paths/life-path-record';
import { foldEvents } from '../../../src/projections/fold-events';
import { ProjectionCheckpoints } from '../../../src/projections/projection-checkpoints';
import { LifePathsProjection } from '../../../src/read-side/life-paths/life-paths.projection';
import { LifePathsReader } from '../../../src/read-side/life-paths/life-paths.reader';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import type Database from 'better-sqlite3';
import { Clock } from '../../../src/clock/clock';
import { decidedJourneys, interleave } from '../../support/programme-journeys';
import { tempDir } from '../../support/temp-files';

const CONFIG = loadConfig({ NODE_ENV: 'test', K_ANONYMITY: '3' });

/** A clock a test sets: the reader's only input besides the read model (it picks the snapshot). */
class SetClock extends Clock {
  constructor(public instant: string) {
    super();
  }
  now(): Date {
    return new Date(this.instant);
  }
}

/** interleave() stamps every event 2026-01-01: in February, the snapshot of January holds them all. */
const readerOf = (db: Database.Database, clock = new SetClock('2026-02-10T12:00:00Z')) =>
  new LifePathsReader(db, CONFIG, BUILT_IN_CATALOGUE, clock);

/** Folds events into the projection's tables and moves its checkpoint, as the projection runner does. */
function folderOf(db: Database.Database): (events: StoredEvent[]) => void {
  const writer = new LifePathsProjection(BUILT_IN_CATALOGUE).open(db);
  const checkpoints = new ProjectionCheckpoints(db);
  return (events) =>
    db.transaction(() => {
      foldEvents(writer, events, 0n);
      checkpoints.write('life-paths', events.at(-1)!.position);
    })();
}

/** The events as if recorded at `recordedAt`. */
const recordedAt = (events: readonly StoredEvent[], at: string): StoredEvent[] =>
  events.map((e) => ({ ...e, metadata: { ...e.metadata, recordedAt: at } }));

/** A small programme run's journeys, as the events the domain decides for them (personal data in clear). */
const journeysOf = (seed: number) => decidedJourneys(seed, 0.1);

const recordOf = (events: readonly JourneyEvent[]): FoldedLifePath =>
  events.reduce<FoldedLifePath | null>((r, e, i) => evolveLifePathRecord(r, e, BUILT_IN_CATALOGUE.exitClasses, i + 1), null)!;

/** Every personal value and note of the journeys, which the read model must not hold. */
const personalTextsOf = (journeys: ReturnType<typeof journeysOf>): string[] =>
  journeys.flatMap(({ events }) =>
    events.flatMap((e) => {
      const data = e.data as { personal?: Record<string, string | null>; note?: string | null };
      return [...Object.values(data.personal ?? {}), data.note ?? null].filter((t): t is string => !!t);
    }),
  );

describe('the life-paths read model and its release (real SQLite file)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  let run = 0;

  it('folded in batches of any size, in any interleaving, releases what anonymising whole journeys releases', () => {
    const runs = fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 300 }));
    fc.assert(
      fc.property(runs, ([seed, picks, batchSize]) => {
        const journeys = journeysOf(seed);
        const db = openSqliteDatabase(tmp.file(`run-${run++}.db`));
        try {
          const writer = new LifePathsProjection(BUILT_IN_CATALOGUE).open(db);
          const log = interleave(journeys, picks);
          for (let at = 0; at < log.length; at += batchSize) db.transaction(() => foldEvents(writer, log.slice(at, at + batchSize), 0n))();
          const stored = db.prepare<[], string>('SELECT record FROM life_paths').pluck().all().join('\n');
          for (const text of personalTextsOf(journeys)) expect(stored).not.toContain(text);

          const expected = anonymiseRelease(journeys.map((j) => recordOf(j.events)), { k: 3, pseudonymSecret: CONFIG.pseudonymSecret, releasedAsOf: '2026-01-31' });
          expect(readerOf(db).release()).toEqual(expected);
        } finally {
          db.close();
        }
      }),
      { numRuns: 10 },
    );
  });

  describe('monthly snapshots', () => {
    const MARCH = new SetClock('2026-03-02T09:00:00Z');

    it('the snapshot of a month holds the journeys as recorded by its end, later corrections and milestones left to the next one', () => {
      // Journeys with random corrections and voids; the log recorded in January up to `cut`, in February after it.
      const runs = fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 300 }));
      fc.assert(
        fc.property(runs, ([seed, picks, share, batchSize]) => {
          const journeys = decidedJourneys(seed, 0.1, () => false, 3);
          const all = interleave(journeys, picks);
          const cut = Math.floor(share * all.length);
          const log = [...all.slice(0, cut), ...recordedAt(all.slice(cut), '2026-02-15T12:00:00.000Z')];
          const db = openSqliteDatabase(tmp.file(`run-${run++}.db`));
          try {
            const writer = new LifePathsProjection(BUILT_IN_CATALOGUE).open(db);
            for (let at = 0; at < log.length; at += batchSize) db.transaction(() => foldEvents(writer, log.slice(at, at + batchSize), 0n))();

            const byParticipant = new Map<string, JourneyEvent[]>();
            for (const e of log.slice(0, cut)) byParticipant.set(e.streamId, [...(byParticipant.get(e.streamId) ?? []), e as unknown as JourneyEvent]);
            const options = { k: 3, pseudonymSecret: CONFIG.pseudonymSecret };
            const january = anonymiseRelease([...byParticipant.values()].map(recordOf), { ...options, releasedAsOf: '2026-01-31' });
            expect(readerOf(db).release()).toEqual(january);
            const february = anonymiseRelease(journeys.map((j) => recordOf(j.events)), { ...options, releasedAsOf: '2026-02-28' });
            expect(readerOf(db, MARCH).release()).toEqual(february);
          } finally {
            db.close();
          }
        }),
        { numRuns: 10 },
      );
    });

    it('give the same answer all month whatever is recorded meanwhile, and pseudonyms no path can be followed by from one to the next', () => {
      const [late, ...others] = journeysOf(11);
      const db = openSqliteDatabase(tmp.file('snapshots.db'));
      try {
        const fold = folderOf(db);
        const log = interleave(others, [0]);
        fold(log);
        const clock = new SetClock('2026-02-03T10:00:00Z');
        const reader = readerOf(db, clock);
        const before = reader.release();
        expect(before.paths.length).toBeGreaterThan(0);

        // One enrolment (and its milestones) recorded in February, between two calls.
        const enrolment = interleave([late!], [0]).map((event, i) => ({ ...event, position: BigInt(log.length + i + 1) }));
        fold(recordedAt(enrolment, '2026-02-12T15:00:00.000Z'));
        clock.instant = '2026-02-27T16:00:00Z';
        // The read model moved, the snapshot did not: not even anonymised again.
        expect(reader.release()).toBe(before);

        clock.instant = '2026-03-01T09:00:00Z';
        const next = reader.release();
        expect(next.releasedAsOf).toBe('2026-02-28');
        expect(next.paths.length + next.suppressedCount).toBe(before.paths.length + before.suppressedCount + 1);
        const earlier = new Set(before.paths.map((p) => p.pseudonym));
        expect(next.paths.filter((p) => earlier.has(p.pseudonym))).toEqual([]);
      } finally {
        db.close();
      }
    });
  });

  it('anonymises again only once the read model has moved', () => {
    const [first, ...others] = journeysOf(7);
    const db = openSqliteDatabase(tmp.file('cache.db'));
    try {
      const fold = folderOf(db);
      const log = interleave([first!, ...others], [0]);
      const lastOfFirst = first!.events.length;
      fold(log.slice(lastOfFirst));
      const reader = readerOf(db);

      const before = reader.release();
      expect(reader.release()).toBe(before);

      fold(log.slice(0, lastOfFirst).map((event, i) => ({ ...event, position: BigInt(log.length + i + 1) })));
      const after = reader.release();
      expect(after).not.toBe(before);
      expect(after.paths.length + after.suppressedCount).toBe(before.paths.length + before.suppressedCount + 1);
      expect(reader.release()).toBe(after);
    } finally {
      db.close();
    }
  });
});
