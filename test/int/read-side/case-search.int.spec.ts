import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import type { KeyVault } from '../../../src/personal-data/key-vault.port';
import { nameTokenizer } from '../../../src/personal-data/name-blind-index';
import { nameWords } from '../../../src/personal-data/name-words';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import { foldEvents, prepareBatch } from '../../../src/projections/fold-events';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { rebuildProjection } from '../../../src/projections/rebuild-projections';
import { CaseSearchProjection } from '../../../src/read-side/search/case-search.projection';
import { CaseSearchTokensReader } from '../../../src/read-side/search/case-search-tokens.reader';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { decidedJourneys, interleave, recordSealed } from '../../support/programme-journeys';
import { TEST_PSEUDONYM_SECRET } from '../../support/registered-projections';
import { tempDir } from '../../support/temp-files';

const tokenOf = nameTokenizer(TEST_PSEUDONYM_SECRET);
const NAMES = ['Marie-Élise Dupont', 'Jürgen Müller', 'Anna Muller', 'Ólafur Dupont'];
const RENAMED = 'Anna Schmidt-Muller';

/** Four participants of the programme run, named: the second renamed, the third's personal data erased last. */
function namedLog(): { ids: string[]; beforeErasure: StoredEvent[]; erasure: StoredEvent } {
  const journeys = decidedJourneys(5, 0.05).slice(0, 4);
  const named = journeys.map(({ participantId, events }, i) => {
    const [enrolment, ...rest] = events as [Extract<JourneyEvent, { type: 'ParticipantEnrolled' }>, ...JourneyEvent[]];
    const personal = { fullName: NAMES[i]!, email: null, phone: null };
    const renamed: JourneyEvent[] =
      i === 2 ? [{ type: 'PersonalDetailsChanged', data: { participantId, occurredOn: enrolment.data.occurredOn, personal: { ...personal, fullName: RENAMED } } }] : [];
    return { participantId, events: [{ ...enrolment, data: { ...enrolment.data, personal } }, ...renamed, ...rest] };
  });
  const erased = named[1]!;
  erased.events.push({ type: 'PersonalDataErased', data: { participantId: erased.participantId, occurredOn: '2025-12-31', reason: 'Asked by the participant' } });
  const log = interleave(named, [1, 0, 3, 2]);
  const erasure = log.find((e) => e.type === 'PersonalDataErased')!;
  return { ids: named.map((j) => j.participantId), beforeErasure: log.filter((e) => e !== erasure), erasure };
}

/** Each participant's tokens as the table holds them. */
const storedTokens = (db: Database.Database): Map<string, number[]> => {
  const tokens = new Map<string, number[]>();
  for (const { participant_id, token } of db
    .prepare<[], { participant_id: string; token: number }>('SELECT participant_id, token FROM case_search_tokens ORDER BY participant_id, token')
    .all()) {
    tokens.set(participant_id, [...(tokens.get(participant_id) ?? []), token]);
  }
  return tokens;
};
const tokensOfName = (name: string): number[] => [...new Set(nameWords(name).map(tokenOf))].sort((a, b) => a - b);

describe('the case-search projection, a blind index of names (int, real SQLite files)', () => {
  const tmp = tempDir('journey-case-search-');
  afterAll(() => tmp.remove());
  let files = 0;

  async function recorded() {
    const file = tmp.file(`search-${files++}.db`);
    const db = openSqliteDatabase(file);
    const store = new SqliteEventStore(db);
    const vault = new SqliteKeyVault(db);
    const log = namedLog();
    await recordSealed(store, vault, log.beforeErasure);
    return { file, db, store, vault, ...log };
  }

  /** Folds `events` in batches of `size`, each prepared, then applied in a transaction of its own. */
  async function fold(db: Database.Database, projection: CaseSearchProjection, events: readonly StoredEvent[], size: number) {
    const writer = projection.open(db);
    for (let at = 0; at < events.length; at += size) {
      const batch = events.slice(at, at + size);
      await prepareBatch(writer, batch);
      db.transaction(() => foldEvents(writer, batch, 0n))();
    }
  }

  it('indexes every word of each current name by city; an erasure deletes the tokens, and a rebuild after it never makes them again', async () => {
    const { file, db, store, vault, ids, erasure } = await recorded();
    const rebuilder = openSqliteDatabase(file);
    try {
      const projection = new CaseSearchProjection(vault, tokenOf);
      await fold(db, projection, await store.readAll(0n, 10_000), 3);
      const named = new Map([
        [ids[0]!, tokensOfName(NAMES[0]!)],
        [ids[1]!, tokensOfName(NAMES[1]!)],
        [ids[2]!, tokensOfName(RENAMED)],
        [ids[3]!, tokensOfName(NAMES[3]!)],
      ]);
      expect(storedTokens(db)).toEqual(named);
      const reader = new CaseSearchTokensReader(db);
      const cityOf = (id: string) => db.prepare<[string], string>('SELECT city FROM case_search_participants WHERE participant_id = ?').pluck().get(id)!;
      expect(reader.candidates(cityOf(ids[0]!), [tokenOf('dupont'), tokenOf('marie')])).toContain(ids[0]);

      const head = await store.headPosition();
      await recordSealed(store, vault, [erasure]);
      await fold(db, projection, await store.readAll(head, 10_000), 3);
      const withoutErased = new Map([...named].filter(([id]) => id !== ids[1]));
      expect(storedTokens(db)).toEqual(withoutErased);

      await rebuildProjection(rebuilder, new SqliteEventStore(rebuilder), new CaseSearchProjection(new SqliteKeyVault(rebuilder), tokenOf), { batchSize: 2 });
      expect(storedTokens(db)).toEqual(withoutErased);
      // The city stays, coded: one row per participant, as verifying expects.
      expect(db.prepare('SELECT count(*) FROM case_search_participants').pluck().get()).toBe(4);
    } finally {
      rebuilder.close();
      db.close();
    }
  });

  it('drops what it prepared with a discarded batch: folding it again without preparing it is refused, and nothing is written', async () => {
    const { db, store, vault } = await recorded();
    try {
      const writer = new CaseSearchProjection(vault, tokenOf).open(db);
      const events = await store.readAll(0n, 10_000);
      await prepareBatch(writer, events);
      writer.discard!();
      expect(() => db.transaction(() => foldEvents(writer, events, 0n))()).toThrow(/was not prepared/);
      expect(storedTokens(db).size).toBe(0);
    } finally {
      db.close();
    }
  });

  it('retries a batch whose keys could not be read, and indexes each name once', async () => {
    const { db, store, vault, ids } = await recorded();
    let failures = 1;
    const flaky: KeyVault = Object.assign(Object.create(vault) as KeyVault, {
      find: (participantId: string) => (failures-- > 0 ? Promise.reject(new Error('The key vault is unreachable')) : vault.find(participantId)),
    });
    const runner = new ProjectionRunner(db, store, [new CaseSearchProjection(flaky, tokenOf)], { batchSize: 4, retry: { firstDelayMs: 10, maxDelayMs: 10 } });
    try {
      runner.start();
      expect(await runner.waitUntilCaughtUp(await store.headPosition(), 10_000)).toBe(true);
      expect(storedTokens(db).get(ids[0]!)).toEqual(tokensOfName(NAMES[0]!));
      expect(storedTokens(db).size).toBe(4);
    } finally {
      await runner.stop();
      db.close();
    }
  });
});
