import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import type { RecordedJourneyEvent } from '../../../src/journey/application/recorded-journey-event';
import { toParticipantCase } from '../../../src/journey/case/participant-case';
import { asSealed, type SealedCase } from '../../../src/journey/case/sealed-case';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { SEALED_FIELDS } from '../../../src/personal-data/sealed-fields';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import { foldEvents } from '../../../src/projections/fold-events';
import { CaseFilesProjection } from '../../../src/read-side/cases/case-files.projection';
import { CaseFilesReader } from '../../../src/read-side/cases/case-files.reader';
import type { CaseOrder } from '../../../src/read-side/cases/case-order';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { decidedJourneys, interleave, recordSealed } from '../../support/programme-journeys';
import { tempDir } from '../../support/temp-files';

/** Each stream's case as the write side builds it from the stored events, personal data sealed as there. */
function casesOf(log: readonly StoredEvent[]): SealedCase[] {
  const streams = new Map<string, RecordedJourneyEvent[]>();
  for (const e of log) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), { ...e, event: { type: e.type, data: e.data } as JourneyEvent }]);
  return [...streams.values()]
    .map((history) => asSealed(toParticipantCase(history, BUILT_IN_CATALOGUE)!))
    .sort((a, b) => (a.firstEnrolledOn === b.firstEnrolledOn ? (a.id < b.id ? -1 : 1) : a.firstEnrolledOn < b.firstEnrolledOn ? -1 : 1));
}

/** Each case's keys in the lists' orders but the first enrolment's, worked out from the log: its stream's last position, and its city and enrolment's position. */
function orderKeysOf(log: readonly StoredEvent[]): Map<string, { last: bigint; city: string; enrolment: bigint }> {
  const keys = new Map<string, { last: bigint; city: string; enrolment: bigint }>();
  for (const e of log) {
    const id = e.streamId.slice('participant-'.length);
    const known = keys.get(id);
    keys.set(id, known ? { ...known, last: e.position } : { last: e.position, city: e.data.city as string, enrolment: e.position });
  }
  return keys;
}

const byKey = (a: bigint | string, b: bigint | string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every value the store keeps sealed (personal details, notes, reasons of erasures, corrections and voids), by participant. */
async function sealedValuesOf(store: SqliteEventStore): Promise<Map<string, string[]>> {
  const sealed = new Map<string, string[]>();
  for (const { streamId, type, data } of await store.readAll(0n, Number.MAX_SAFE_INTEGER)) {
    const fields: readonly string[] = SEALED_FIELDS[type as JourneyEvent['type']];
    const values = fields.map((field) => data[field]).filter((v): v is string => typeof v === 'string');
    sealed.set(streamId, [...(sealed.get(streamId) ?? []), ...values]);
  }
  return sealed;
}

/** The free text of corrections and voids as advisers gave it, before it was sealed. */
const amendmentReasonsOf = (log: readonly StoredEvent[]): Set<string> =>
  new Set(log.filter((e) => e.type === 'MilestoneCorrected' || e.type === 'MilestoneVoided').map((e) => e.data.reason as string));

/** The read model's tables as text, all of it. */
const storedText = (db: Database.Database): string =>
  new CaseFilesProjection(BUILT_IN_CATALOGUE).tables.map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table}`).raw().all())).join('\n');

describe('the case-files read model (int, real SQLite file)', () => {
  const tmp = tempDir('journey-case-files-');
  afterAll(() => tmp.remove());
  let run = 0;

  async function folded(log: readonly StoredEvent[], batchSize: number) {
    const db = openSqliteDatabase(tmp.file(`run-${run++}.db`));
    const store = new SqliteEventStore(db);
    const vault = new SqliteKeyVault(db);
    await recordSealed(store, vault, log);
    const writer = new CaseFilesProjection(BUILT_IN_CATALOGUE).open(db);
    const recorded = await store.readAll(0n, Number.MAX_SAFE_INTEGER);
    for (let at = 0; at < recorded.length; at += batchSize) db.transaction(() => foldEvents(writer, recorded.slice(at, at + batchSize), 0n))();
    return { db, store, reader: new CaseFilesReader(db) };
  }

  it('folded in batches of any size, in any interleaving, reads as the case of each whole stream, corrected, voided, noted and erased ones included, and lists them in each order', async () => {
    const runs = fc.tuple(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
      fc.integer({ min: 1, max: 200 }),
      fc.integer({ min: 2, max: 5 }),
      fc.integer({ min: 0, max: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(runs, async ([seed, picks, batchSize, erasedEvery, amendments]) => {
        const log = interleave(decidedJourneys(seed, 0.05, (i) => i % erasedEvery === 0, amendments), picks);
        const { db, store, reader } = await folded(log, batchSize);
        try {
          const expected = casesOf(await store.readAll(0n, Number.MAX_SAFE_INTEGER));
          for (const expectedCase of expected) expect(await reader.find(expectedCase.id)).toEqual(expectedCase);
          const everyCase = { city: null, programme: null, status: null, participantIds: null, lastMilestoneBy: null };
          const page = await reader.list(everyCase, 'FIRST_ENROLMENT', 1_000, null);
          expect(page.edges.map((edge) => edge.node)).toEqual(expected);
          const recorded = await store.readAll(0n, Number.MAX_SAFE_INTEGER);
          const keys = orderKeysOf(recorded);
          const ids = async (order: CaseOrder) => (await reader.list(everyCase, order, 1_000, null)).edges.map((edge) => edge.node.id);
          const key = (id: string) => keys.get(id)!;
          expect(await ids('RECENTLY_CHANGED')).toEqual([...keys.keys()].sort((a, b) => byKey(key(b).last, key(a).last)));
          expect(await ids('REFERENCE')).toEqual([...keys.keys()].sort((a, b) => byKey(key(a).city, key(b).city) || byKey(key(a).enrolment, key(b).enrolment)));
          const stored = storedText(db);
          for (const reason of amendmentReasonsOf(log)) expect(stored).not.toContain(reason);
        } finally {
          db.close();
        }
      }),
      { numRuns: 8 },
    );
  });

  it('given notes, new personal details and a void recorded in one batch, when the erasure comes in a later one, the read model keeps none of their text, sealed or not', async () => {
    const [recorded, kept] = decidedJourneys(7, 0.02, (i) => i === 0);
    const { participantId } = recorded!;
    const beforeErasure: JourneyEvent[] = [
      { type: 'NoteAdded', data: { participantId, occurredOn: '2008-01-02', note: 'Asked to be called after 6 pm' } },
      { type: 'PersonalDetailsChanged', data: { participantId, occurredOn: '2008-01-03', personal: { fullName: 'New Name', email: null, phone: null } } },
      { type: 'MilestoneVoided', data: { participantId, occurredOn: '2008-01-03', sequence: 2, reason: 'Recorded for her brother, Anton' } },
    ];
    const erased = { participantId, events: [...recorded!.events.slice(0, -1), ...beforeErasure, recorded!.events.at(-1)!] };
    const log = interleave([erased, kept!], [0]);
    const { db, store, reader } = await folded(log, 2);
    try {
      const sealed = await sealedValuesOf(store);
      const [erasedStream, keptStream] = [erased, kept!].map((j) => `participant-${j.participantId}`);
      expect(sealed.get(erasedStream)!.length).toBeGreaterThan(1);

      const stored = storedText(db);
      for (const value of sealed.get(erasedStream)!) expect(stored).not.toContain(value);
      for (const value of sealed.get(keptStream)!) expect(stored).toContain(value);
      const read = await reader.find(participantId);
      expect(read).toMatchObject({ personal: null, personalDataErased: true });
      expect(read!.timeline.every((m) => m.note === null)).toBe(true);
      expect(read!.timeline[1]!.amendments).toEqual([expect.objectContaining({ kind: 'VOIDED', reason: null })]);
      expect(read!.notes.length).toBeGreaterThan(0);
      expect(read!.notes.every((n) => n.note === null)).toBe(true);
    } finally {
      db.close();
    }
  });
});
