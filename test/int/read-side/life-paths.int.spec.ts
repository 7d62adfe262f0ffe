import { monthsAfter } from '../../../src/clock/months';
import { eventually } from '../../support/eventually';
import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { loadConfig } from '../../../src/config/config';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { anonymiseRelease, type LifePathRelease } from '../../../src/life-paths/anonymise-release';
import { evolveLifePathRecord, type FoldedLifePath } from '../../../src/life-paths/life-path-record';
import { foldEvents } from '../../../src/projections/fold-events';
import { ProjectionCheckpoints } from '../../../src/projections/projection-checkpoints';
import { ProjectionGenerations } from '../../../src/projections/projection-generations';
import { LifePathsProjection } from '../../../src/read-side/life-paths/life-paths.projection';
import { LifePathsReader } from '../../../src/read-side/life-paths/life-paths.reader';
import { lifePathHeadOf } from '../../../src/read-side/life-paths/life-path-text';
import { MonthSnapshot } from '../../../src/read-side/life-paths/month-snapshot';
import { computeRelease } from '../../../src/read-side/life-paths/release-computation';
import { RELEASE_TABLES_LAYOUT, ReleaseTables } from '../../../src/read-side/life-paths/release-tables';
import { StoredRelease } from '../../../src/read-side/life-paths/stored-release';
import { openLifePathReleaseFile } from '../../../src/storage/life-path-release-file';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import type Database from 'better-sqlite3';
import { decidedJourneys, interleave } from '../../support/programme-journeys';
import { allPaths } from '../../support/stored-release-paths';
import { tempDir } from '../../support/temp-files';

const CONFIG = loadConfig({ NODE_ENV: 'test', K_ANONYMITY: '3' });

/** No clock: the read model alone picks the snapshot, the month before the latest one it holds an event of. */
const readerOf = (db: Database.Database) => new LifePathsReader(db, CONFIG);

/** The reader's release, its paths read out. */
async function releaseOf(reader: LifePathsReader): Promise<LifePathRelease> {
  const release = await reader.release();
  return { paths: await allPaths(release), ...release.facts };
}

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

/** Events of a log after `log`, as a store would number them. */
const after = (log: readonly StoredEvent[], events: readonly StoredEvent[]): StoredEvent[] =>
  events.map((event, i) => ({ ...event, position: BigInt(log.length + i + 1) }));

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

  it('folded in batches of any size, in any interleaving, releases what anonymising whole journeys releases', async () => {
    const runs = fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 300 }));
    await fc.assert(
      fc.asyncProperty(runs, async ([seed, picks, batchSize]) => {
        // interleave() stamps every event 2026-01-01; one journey recorded in February closes January.
        const [february, ...journeys] = journeysOf(seed);
        const db = openSqliteDatabase(tmp.file(`run-${run++}.db`));
        try {
          const writer = new LifePathsProjection(BUILT_IN_CATALOGUE).open(db);
          const log = [...interleave(journeys, picks), ...recordedAt(interleave([february!], [0]), '2026-02-01T08:00:00.000Z')];
          for (let at = 0; at < log.length; at += batchSize) db.transaction(() => foldEvents(writer, log.slice(at, at + batchSize), 0n))();
          const stored = db.prepare<[], string>('SELECT record FROM life_paths').pluck().all().join('\n');
          for (const text of personalTextsOf(journeys)) expect(stored).not.toContain(text);

          const expected = anonymiseRelease(journeys.map((j) => recordOf(j.events)), { k: 3, pseudonymSecret: CONFIG.pseudonymSecret, releasedAsOf: '2026-01-31' });
          expect(await releaseOf(readerOf(db))).toEqual(expected);
        } finally {
          db.close();
        }
      }),
      { numRuns: 10 },
    );
  });

  describe('monthly snapshots', () => {
    it('the snapshot of a month holds the journeys as recorded by its end, later corrections and milestones left to the next one', async () => {
      // Journeys with random corrections and voids; the log recorded in January up to `cut`, in February after it.
      const runs = fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 300 }));
      await fc.assert(
        fc.asyncProperty(runs, async ([seed, picks, share, batchSize]) => {
          const [march, ...journeys] = decidedJourneys(seed, 0.1, () => false, 3);
          const all = interleave(journeys, picks);
          // At least one event recorded in February, to close January.
          const cut = Math.floor(share * (all.length - 1));
          const log = [...all.slice(0, cut), ...recordedAt(all.slice(cut), '2026-02-15T12:00:00.000Z')];
          const closingFebruary = recordedAt(after(log, interleave([march!], [0])), '2026-03-01T07:00:00.000Z');
          const db = openSqliteDatabase(tmp.file(`run-${run++}.db`));
          try {
            const writer = new LifePathsProjection(BUILT_IN_CATALOGUE).open(db);
            for (let at = 0; at < log.length; at += batchSize) db.transaction(() => foldEvents(writer, log.slice(at, at + batchSize), 0n))();

            const byParticipant = new Map<string, JourneyEvent[]>();
            for (const e of log.slice(0, cut)) byParticipant.set(e.streamId, [...(byParticipant.get(e.streamId) ?? []), e as unknown as JourneyEvent]);
            const options = { k: 3, pseudonymSecret: CONFIG.pseudonymSecret };
            const january = anonymiseRelease([...byParticipant.values()].map(recordOf), { ...options, releasedAsOf: '2026-01-31' });
            expect(await releaseOf(readerOf(db))).toEqual(january);
            db.transaction(() => foldEvents(writer, closingFebruary, 0n))();
            const february = anonymiseRelease(journeys.map((j) => recordOf(j.events)), { ...options, releasedAsOf: '2026-02-28' });
            expect(await releaseOf(readerOf(db))).toEqual(february);
          } finally {
            db.close();
          }
        }),
        { numRuns: 10 },
      );
    });

    it('give the same answer until an event of a later month is folded, then under pseudonyms no path can be followed by', async () => {
      const [late, closing, ...others] = journeysOf(11);
      const db = openSqliteDatabase(tmp.file('snapshots.db'));
      try {
        const fold = folderOf(db);
        const log = interleave(others, [0]);
        fold(log);
        const reader = readerOf(db);
        // A quiet February so far (or a projection behind it): January is not closed, December is served.
        expect(await releaseOf(reader)).toMatchObject({ releasedAsOf: '2025-12-31', paths: [], suppressedCount: 0 });

        // One enrolment (and its milestones) recorded in February: its first event closes January.
        const enrolment = recordedAt(after(log, interleave([late!], [0])), '2026-02-12T15:00:00.000Z');
        fold(enrolment.slice(0, 1));
        const before = await releaseOf(reader);
        const served = await reader.release();
        expect(before.releasedAsOf).toBe('2026-01-31');
        expect(before.paths.length).toBeGreaterThan(0);
        fold(enrolment.slice(1));
        // The read model moved, the snapshot did not: not even anonymised again.
        expect(await reader.release()).toBe(served);

        fold(recordedAt(after([...log, ...enrolment], interleave([closing!], [0])), '2026-03-01T09:00:00.000Z'));
        const next = await releaseOf(reader);
        expect(next.releasedAsOf).toBe('2026-02-28');
        expect(next.paths.length + next.suppressedCount).toBe(before.paths.length + before.suppressedCount + 1);
        const earlier = new Set(before.paths.map((p) => p.pseudonym));
        expect(next.paths.filter((p) => earlier.has(p.pseudonym))).toEqual([]);
      } finally {
        db.close();
      }
    });

    it('never change once served: an event stamped in a closed month by a lagging clock counts in the month the log has reached', async () => {
      const [lagging, closingJanuary, closingFebruary, ...others] = journeysOf(13);
      const db = openSqliteDatabase(tmp.file('lagging.db'));
      try {
        const fold = folderOf(db);
        const log = [...interleave(others, [0]), ...recordedAt(interleave([closingJanuary!], [0]), '2026-02-01T00:10:00.000Z')];
        fold(log);
        const january = await releaseOf(readerOf(db));
        expect(january.releasedAsOf).toBe('2026-01-31');

        // A replica whose clock lags records a whole enrolment "in January", after the log reached February.
        const late = recordedAt(after(log, interleave([lagging!], [0])), '2026-01-31T12:00:00.000Z');
        fold(late);
        // A reader with nothing cached reads January from the tables: unchanged.
        expect(await releaseOf(readerOf(db))).toEqual(january);

        fold(recordedAt(after([...log, ...late], interleave([closingFebruary!], [0])), '2026-03-02T08:00:00.000Z'));
        const february = await releaseOf(readerOf(db));
        expect(february.releasedAsOf).toBe('2026-02-28');
        // The lagging enrolment came with February's snapshot, as did the one that closed January.
        expect(february.paths.length + february.suppressedCount).toBe(january.paths.length + january.suppressedCount + 2);
      } finally {
        db.close();
      }
    });

    it('serve no month, and no path, before the projection has folded any event', async () => {
      const db = openSqliteDatabase(tmp.file('empty.db'));
      try {
        new LifePathsProjection(BUILT_IN_CATALOGUE).open(db);
        expect(await releaseOf(readerOf(db))).toMatchObject({ releasedAsOf: null, paths: [], suppressedCount: 0, loss: 0 });
      } finally {
        db.close();
      }
    });
  });

  it('computes a release in slices from one state of the tables, whatever is folded or removed meanwhile', async () => {
    const [february, ...journeys] = journeysOf(5);
    const db = openSqliteDatabase(tmp.file('one-state.db'));
    const tables = new ReleaseTables(openLifePathReleaseFile(db, RELEASE_TABLES_LAYOUT));
    try {
      const fold = folderOf(db);
      const log = [...interleave(journeys, [0]), ...recordedAt(interleave([february!], [0]), '2026-02-01T08:00:00.000Z')];
      fold(log);
      const options = { k: 3, pseudonymSecret: CONFIG.pseudonymSecret };
      const expected = anonymiseRelease(journeys.map((j) => recordOf(j.events)), { ...options, releasedAsOf: '2026-01-31' });

      // The reader keeps the tables' generations, as the service does.
      new ProjectionGenerations(db);
      // A page of one participant and a slice of no time: the computing pauses after every record.
      const snapshot = new MonthSnapshot(db, 1);
      const steps = computeRelease(snapshot, tables, '2026-01', true, { ...options, sliceMs: 0 });
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) {
        if (++pauses !== journeys.length) continue;
        // Halfway, between the two passes: as only replacing the tables may do, January's records go.
        db.exec(`DELETE FROM life_paths WHERE month = '2026-01'`);
        fold(recordedAt(after(log, interleave(journeysOf(6), [0])), '2026-02-03T08:00:00.000Z'));
      }
      snapshot.close();

      expect(pauses).toBeGreaterThanOrEqual(2 * journeys.length);
      const stored = new StoredRelease(tables, step.value, tables.find(step.value, true)!.facts);
      expect({ paths: await allPaths(stored), ...stored.facts }).toEqual(expected);
    } finally {
      tables.close();
      db.close();
    }
  });

  it("computes a closed month's release once per generation of the tables, however the read model moves", async () => {
    const [closing, later, ...others] = journeysOf(7);
    const db = openSqliteDatabase(tmp.file('cache.db'));
    try {
      const fold = folderOf(db);
      const log = [...interleave(others, [0]), ...recordedAt(interleave([closing!], [0]), '2026-02-02T10:00:00.000Z')];
      fold(log);
      const reader = readerOf(db);
      const january = await releaseOf(reader);
      const served = await reader.release();
      expect(january.releasedAsOf).toBe('2026-01-31');

      // A January record changed under the reader, as only replacing the tables may do: it is not
      // read again as February's events are folded, since a closed month cannot change...
      db.exec(`DELETE FROM life_paths WHERE participant_id = (SELECT min(participant_id) FROM life_paths WHERE month = '2026-01')`);
      fold(recordedAt(after(log, interleave([later!], [0])), '2026-02-20T10:00:00.000Z'));
      expect(await reader.release()).toBe(served);

      // ...but it is once the tables' generation moves.
      new ProjectionGenerations(db).bump('life-paths');
      const again = await releaseOf(reader);
      expect(again.releasedAsOf).toBe('2026-01-31');
      expect(again.paths.length + again.suppressedCount).toBe(january.paths.length + january.suppressedCount - 1);
    } finally {
      db.close();
    }
  });

  it('computes a release asked for by several requests at once once, and answers them all with it', async () => {
    const [february, ...journeys] = journeysOf(3);
    const db = openSqliteDatabase(tmp.file('asked-together.db'));
    const completed = jest.spyOn(ReleaseTables.prototype, 'complete');
    try {
      folderOf(db)([...interleave(journeys, [0]), ...recordedAt(interleave([february!], [0]), '2026-02-01T08:00:00.000Z')]);
      const reader = readerOf(db);
      const [first, second, third] = await Promise.all([reader.release(), reader.release(), reader.release()]);
      expect(first.facts.releasedAsOf).toBe('2026-01-31');
      expect([second, third]).toEqual([first, first]);
      expect(completed).toHaveBeenCalledTimes(1);
    } finally {
      completed.mockRestore();
      db.close();
    }
  });

  it("works out whom the 23 months before the closed one show, after its release, off the request path: a researcher's series then waits for none", async () => {
    const [february, ...journeys] = journeysOf(5);
    const db = openSqliteDatabase(tmp.file('earlier-months.db'));
    const reader = readerOf(db);
    const releases = openLifePathReleaseFile(db, RELEASE_TABLES_LAYOUT);
    const storedMonths = () => releases.prepare<[], string>("SELECT substr(key, instr(key, '@') + 1) FROM life_path_releases ORDER BY 1").pluck().all();
    try {
      folderOf(db)([...interleave(journeys, [0]), ...recordedAt(interleave([february!], [0]), '2026-02-01T08:00:00.000Z')]);
      reader.onApplicationBootstrap();
      await eventually('the 23 earlier months are worked out', () => storedMonths().length === 24);
      expect(storedMonths()).toEqual([...Array.from({ length: 23 }, (_, i) => monthsAfter('2024-02', i)), '2026-01']);

      const completed = jest.spyOn(ReleaseTables.prototype, 'complete');
      try {
        expect((await reader.releasedAt('2024-02')).month).toBe('2024-02');
        expect(completed).not.toHaveBeenCalled();
      } finally {
        completed.mockRestore();
      }
    } finally {
      reader.onModuleDestroy();
      releases.close();
      db.close();
    }
  });

  it('prepares no release while the projection catches up (a snapshot held meanwhile would keep the write-ahead log growing), and prepares it once caught up', async () => {
    const [february, ...journeys] = journeysOf(7);
    const db = openSqliteDatabase(tmp.file('catching-up.db'));
    let behind = true;
    const asked: boolean[] = [];
    const reader = new LifePathsReader(db, CONFIG, () => {
      asked.push(behind);
      return behind;
    });
    const releases = openLifePathReleaseFile(db, RELEASE_TABLES_LAYOUT);
    const storedMonths = () => releases.prepare<[], string>("SELECT substr(key, instr(key, '@') + 1) FROM life_path_releases").pluck().all();
    const computed = jest.spyOn(ReleaseTables.prototype, 'complete');
    try {
      folderOf(db)([...interleave(journeys, [0]), ...recordedAt(interleave([february!], [0]), '2026-02-01T08:00:00.000Z')]);
      reader.onApplicationBootstrap();
      // Asked at start and again on the reader's timer: catching up both times, nothing computed.
      await eventually('the reader asked twice', () => asked.length >= 2);
      await new Promise((resolve) => setImmediate(resolve));
      expect(computed).not.toHaveBeenCalled();
      expect(storedMonths()).toEqual([]);

      behind = false;
      await eventually('the closed month and the 23 before it are worked out', () => storedMonths().length === 24);
      expect(asked).toContain(false);
    } finally {
      computed.mockRestore();
      reader.onModuleDestroy();
      releases.close();
      db.close();
    }
  });

  it("prepares a closed month's release off the request path: at start, then once an event of the next month is folded", async () => {
    const [closing, later, ...others] = journeysOf(11);
    const db = openSqliteDatabase(tmp.file('prepared.db'));
    const reader = readerOf(db);
    // A record of the snapshot removed under the reader, as only replacing the tables may do: a
    // release computed before that holds one path more than the snapshot then has records.
    const dropOneOfJanuary = () => db.exec(`DELETE FROM life_paths WHERE participant_id = (SELECT min(participant_id) FROM life_paths WHERE month = '2026-01')`);
    const releasedCount = ({ paths, suppressedCount }: LifePathRelease) => paths.length + suppressedCount;
    const snapshotSize = (month: string): number => {
      const snapshot = new MonthSnapshot(db);
      try {
        return [...snapshot.pages(month, lifePathHeadOf)].flat().length;
      } finally {
        snapshot.close();
      }
    };
    // The reader's checks run on its timer, however busy the machine: wait for the stored release, not a set time.
    const prepared = async (month: string): Promise<void> => {
      const releases = openLifePathReleaseFile(db, RELEASE_TABLES_LAYOUT);
      try {
        const stored = releases.prepare<[string], number>('SELECT count(*) FROM life_path_releases WHERE key LIKE ?').pluck();
        while (stored.get(`%@${month}`) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        releases.close();
      }
    };
    try {
      const fold = folderOf(db);
      const log = [...interleave(others, [0]), ...recordedAt(interleave([closing!], [0]), '2026-02-02T10:00:00.000Z')];
      fold(log);
      reader.onApplicationBootstrap();
      await prepared('2026-01');
      dropOneOfJanuary();
      const january = await releaseOf(reader);
      expect(january.releasedAsOf).toBe('2026-01-31');
      expect(releasedCount(january)).toBe(snapshotSize('2026-01') + 1);

      fold(recordedAt(after(log, interleave([later!], [0])), '2026-03-02T10:00:00.000Z'));
      await prepared('2026-02');
      dropOneOfJanuary();
      const february = await releaseOf(reader);
      expect(february.releasedAsOf).toBe('2026-02-28');
      expect(releasedCount(february)).toBe(snapshotSize('2026-02') + 1);
    } finally {
      reader.onModuleDestroy();
      db.close();
    }
  });
});
