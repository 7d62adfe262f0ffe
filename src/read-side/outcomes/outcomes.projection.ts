import type Database from 'better-sqlite3';
import { type Catalogue, timeZoneOf } from '../../catalogue/catalogue';
import type { GlobalPosition, StoredEvent } from '../../event-store/event-store.port';
import { participantOfStream } from '../../journey/application/journey-repository';
import type { JourneyEvent } from '../../journey/domain/events';
import { recordedMonth } from '../../life-paths/release-month';
import { KEY_MODULUS } from '../../outcomes/cell';
import { counterDeltas } from '../../outcomes/outcome-counts';
import { evolveOutcomeFacts, FACT_EVENT_TYPES, mayChangeFacts, type StoredFact, type SupersededFact, supersededFacts } from '../../outcomes/outcome-facts';
import { type Contribution, contributionAt } from '../../outcomes/participant-contribution';
import { recordKeyOf } from '../../outcomes/record-key';
import { survivalDeltas } from '../../outcomes/survival';
import { BatchRecords } from '../../projections/batch-records';
import { LogMonth, logMonthTable } from '../../projections/log-month';
import type { Projection, ProjectionWriter, ReadModelProblem } from '../../projections/projection';
import { addToCounter, addToTally, BatchChanges, isNothing } from './batch-changes';
import { OUTCOME_DATED_TABLES, OutcomeDatedTables } from './outcome-dated-tables';
import { verifyOutcomes } from './outcomes-verification';

/** The projection's name, which is also its checkpoint's key. */
export const OUTCOMES_PROJECTION = 'outcomes';

/** The latest month a fact the projection folded was recorded in: researchers' month ends before it are closed. */
export const OUTCOMES_LOG_MONTH = 'outcomes_log_month';

/** A participant's row as a batch holds it. */
interface HeldParticipant {
  city: string;
  recordKey: number;
  facts: StoredFact[];
  /** As stored (JSON text) until a correction or void of the batch adds to it. */
  superseded: string | SupersededFact[];
  /** Its live contribution, once computed: the next event's contribution before. */
  live?: Contribution | null;
}

/**
 * The outcome dashboards' read model: per scope (a city, or a city's programme) counters and
 * survival tallies kept up to date by deltas, so that live figures cost the same at any size, each
 * beside its key sum (record key × contribution, summed mod 2^32) for researchers' cell keys; and
 * each participant's compact dated facts, from which researchers' month ends are computed; and
 * the same changes by the day and by the month they are dated in, from which figures as of a past
 * date and trends are summed (outcome-dated-tables.ts).
 * Each fact counts for researchers in the log's month (OUTCOMES_LOG_MONTH), which never goes back:
 * a month end before it never changes (outcomes.reader.ts).
 */
export class OutcomesProjection implements Projection {
  readonly name = OUTCOMES_PROJECTION;
  readonly tables = ['outcome_participants', 'outcome_counters', 'outcome_survival', 'outcome_scopes', ...OUTCOME_DATED_TABLES, OUTCOMES_LOG_MONTH];
  // 8: the day tables of figures as of a date; 7: the month tables of the trends; 6: each fact's log month, and the log's month, by which researchers' month ends are cut; 5: each participant's record key, and the facts corrections and voids replaced (researchers' month ends);
  // 4: counters and tallies keep their key sums (cell key method); 3: each fact is stamped with the event that set it (its position and recording time), for the
  // as-of figures' stamp; 2: each fact names the milestone it comes from, for corrections and voids.
  readonly layout = 8;
  // Most events (coaching, activities, referrals, notes) change no fact: a rebuild need not decode them.
  readonly readsTypes = FACT_EVENT_TYPES;

  constructor(private readonly catalogue: Catalogue) {}

  verify(db: Database.Database, checkpoint: GlobalPosition): ReadModelProblem[] {
    return verifyOutcomes(db, checkpoint, this.catalogue.exitClasses);
  }

  /** Every dashboard's scope with figures. */
  liveTopics(db: Database.Database): string[] {
    return db.prepare<[], string>('SELECT scope FROM outcome_scopes').pluck().all();
  }

  open(db: Database.Database): ProjectionWriter {
    db.exec(`
      CREATE TABLE IF NOT EXISTS outcome_participants (
        participant_id TEXT PRIMARY KEY,
        city TEXT NOT NULL,
        record_key INTEGER NOT NULL,
        facts TEXT NOT NULL,
        superseded TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS outcome_participants_by_city ON outcome_participants (city);
      CREATE TABLE IF NOT EXISTS outcome_counters (
        scope TEXT NOT NULL, counter TEXT NOT NULL, value INTEGER NOT NULL, key_sum INTEGER NOT NULL,
        PRIMARY KEY (scope, counter)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS outcome_survival (
        scope TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, key_sum INTEGER NOT NULL,
        PRIMARY KEY (scope, kind, key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS outcome_survival_nobody ON outcome_survival (count) WHERE count = 0;
      CREATE TABLE IF NOT EXISTS outcome_scopes (
        scope TEXT PRIMARY KEY, last_position INTEGER NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      ${logMonthTable(OUTCOMES_LOG_MONTH)}
    `);
    const sql = {
      participant: db.prepare<[string], { city: string; recordKey: number; facts: string; superseded: string }>(
        'SELECT city, record_key AS recordKey, facts, superseded FROM outcome_participants WHERE participant_id = ?',
      ),
      saveParticipant: db.prepare<[string, string, number, string, string]>(
        `INSERT INTO outcome_participants (participant_id, city, record_key, facts, superseded) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (participant_id) DO UPDATE SET facts = excluded.facts, superseded = excluded.superseded`,
      ),
      // Key sums are added as non-negative numbers below 2^32, and stay so mod 2^32.
      addToCounter: db.prepare<[string, string, number, number]>(
        `INSERT INTO outcome_counters (scope, counter, value, key_sum) VALUES (?, ?, ?, ?)
         ON CONFLICT (scope, counter) DO UPDATE SET value = value + excluded.value, key_sum = (key_sum + excluded.key_sum) % ${KEY_MODULUS}`,
      ),
      addToTally: db.prepare<[string, string, string, number, number]>(
        `INSERT INTO outcome_survival (scope, kind, key, count, key_sum) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (scope, kind, key) DO UPDATE SET count = count + excluded.count, key_sum = (key_sum + excluded.key_sum) % ${KEY_MODULUS}`,
      ),
      // Keeps the tallies bounded by the number of distinct days, not of participants ever seen. A
      // tally is a count of participants, never below 0: only a tally of the batch can have come to
      // none, which the partial index finds without reading the rows the batch added to.
      dropEmptyTallies: db.prepare('DELETE FROM outcome_survival WHERE count = 0'),
      touchScope: db.prepare<[string, bigint, string]>(
        `INSERT INTO outcome_scopes (scope, last_position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET last_position = excluded.last_position, updated_at = excluded.updated_at`,
      ),
    };
    const { exitClasses } = this.catalogue;
    const logMonth = new LogMonth(db, OUTCOMES_LOG_MONTH);
    const dated = new OutcomeDatedTables(db, exitClasses);
    // A participant's events come a few to a batch: its facts are read and written once for them all.
    const participants = new BatchRecords<HeldParticipant>(
      (participantId) => {
        const row = sql.participant.get(participantId);
        return row && { city: row.city, recordKey: row.recordKey, facts: JSON.parse(row.facts), superseded: row.superseded };
      },
      (participantId, { city, recordKey, facts, superseded }) =>
        sql.saveParticipant.run(participantId, city, recordKey, JSON.stringify(facts), typeof superseded === 'string' ? superseded : JSON.stringify(superseded)),
    );
    // Counters, tallies and scopes' stamps are summed over the batch, and each row written once.
    const live = new BatchChanges();
    const writeLive = () => {
      for (const { scope, counters, tallies, position, recordedAt } of live.take()) {
        // Every counter an event changed has its row, even when the batch's changes cancel out: a
        // scope has one row per counter, bounded without dropping any, and a row of 0 reads as the
        // counter's value. The dated tables drop theirs (outcome-dated-tables.ts): they grow with the days.
        for (const [counter, { n, key }] of counters) sql.addToCounter.run(scope, counter, n, key);
        for (const tally of tallies.values()) if (!isNothing(tally)) sql.addToTally.run(scope, tally.kind, tally.entry, tally.n, tally.key);
        sql.touchScope.run(scope, position, recordedAt);
      }
      sql.dropEmptyTallies.run();
    };

    return {
      apply: (stored: StoredEvent) => {
        const participantId = participantOfStream(stored.streamId);
        const event = { type: stored.type, data: stored.data } as JourneyEvent;
        // Most events (coaching, activities, referrals, notes) change no fact: they read nothing.
        if (participantId === null || !mayChangeFacts(event)) return [];
        const held = participants.get(participantId);
        const city = event.type === 'ParticipantEnrolled' ? event.data.city : held?.city;
        if (city === undefined) return [];
        const known: StoredFact[] = held?.facts ?? [];
        const { recordedAt } = stored.metadata;
        const month = logMonth.advance(recordedMonth(recordedAt, timeZoneOf(this.catalogue, city)));
        const facts = evolveOutcomeFacts(known, event, stored.version, { position: String(stored.position), recordedAt, month });
        if (facts === null) return [];
        const before = held === undefined ? null : (held.live ??= contributionAt({ city, facts: known }, null, exitClasses));
        const after = contributionAt({ city, facts }, null, exitClasses);
        const replaced = supersededFacts(known, facts, month);
        const earlier = held?.superseded ?? '[]';
        const superseded = replaced.length === 0 ? earlier : [...(typeof earlier === 'string' ? (JSON.parse(earlier) as SupersededFact[]) : earlier), ...replaced];
        const recordKey = held?.recordKey ?? recordKeyOf(participantId);
        participants.set(participantId, { city: held?.city ?? city, recordKey, facts, superseded, live: after });

        const changed = new Set<string>();
        const deltas = { counters: counterDeltas(city, before, after), survival: survivalDeltas(city, before, after) };
        const changeOf = (scope: string) => {
          changed.add(scope);
          return live.of(scope, '', stored.position, recordedAt);
        };
        for (const { scope, counter, delta } of deltas.counters) addToCounter(changeOf(scope), counter, delta, recordKey);
        for (const { scope, kind, key, delta } of deltas.survival) addToTally(changeOf(scope), kind, key, delta, recordKey);
        dated.apply(city, known, facts, deltas, recordKey, stored.position, recordedAt);
        return [...changed];
      },
      flush: () => {
        participants.flush();
        writeLive();
        dated.flush();
        logMonth.flush();
      },
      discard: () => {
        participants.discard();
        live.discard();
        dated.discard();
        logMonth.discard();
      },
    };
  }
}
