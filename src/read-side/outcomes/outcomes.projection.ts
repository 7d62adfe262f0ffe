import type Database from 'better-sqlite3';
import { type Catalogue, timeZoneOf } from '../../catalogue/catalogue';
import type { GlobalPosition, StoredEvent } from '../../event-store/event-store.port';
import { participantOfStream } from '../../journey/application/journey-repository';
import type { JourneyEvent } from '../../journey/domain/events';
import { recordedMonth } from '../../life-paths/release-month';
import { addKey, KEY_MODULUS } from '../../outcomes/cell';
import { counterDeltas } from '../../outcomes/outcome-counts';
import { evolveOutcomeFacts, mayChangeFacts, type StoredFact, type SupersededFact, supersededFacts } from '../../outcomes/outcome-facts';
import { contributionAt } from '../../outcomes/participant-contribution';
import { recordKeyOf } from '../../outcomes/record-key';
import { survivalDeltas } from '../../outcomes/survival';
import { LogMonth, logMonthTable } from '../../projections/log-month';
import type { Projection, ProjectionWriter, ReadModelProblem } from '../../projections/projection';
import { OUTCOME_DATED_TABLES, OutcomeDatedTables } from './outcome-dated-tables';
import { verifyOutcomes } from './outcomes-verification';

/** The projection's name, which is also its checkpoint's key. */
export const OUTCOMES_PROJECTION = 'outcomes';

/** The latest month a fact the projection folded was recorded in: researchers' month ends before it are closed. */
export const OUTCOMES_LOG_MONTH = 'outcomes_log_month';

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
      CREATE TABLE IF NOT EXISTS outcome_scopes (
        scope TEXT PRIMARY KEY, last_position INTEGER NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      ${logMonthTable(OUTCOMES_LOG_MONTH)}
    `);
    const sql = {
      participant: db.prepare<[string], { city: string; facts: string; superseded: string }>(
        'SELECT city, facts, superseded FROM outcome_participants WHERE participant_id = ?',
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
      takeFromTally: db
        .prepare<[number, number, string, string, string], number>(
          `UPDATE outcome_survival SET count = count + ?, key_sum = (key_sum + ?) % ${KEY_MODULUS}
           WHERE scope = ? AND kind = ? AND key = ? RETURNING count`,
        )
        .pluck(),
      // Keeps the tallies bounded by the number of distinct days, not of participants ever seen.
      dropTally: db.prepare<[string, string, string]>('DELETE FROM outcome_survival WHERE scope = ? AND kind = ? AND key = ?'),
      touchScope: db.prepare<[string, bigint, string]>(
        `INSERT INTO outcome_scopes (scope, last_position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET last_position = excluded.last_position, updated_at = excluded.updated_at`,
      ),
    };
    const { exitClasses } = this.catalogue;
    const logMonth = new LogMonth(db, OUTCOMES_LOG_MONTH);
    const dated = new OutcomeDatedTables(db, exitClasses);

    return {
      apply: (stored: StoredEvent) => {
        const participantId = participantOfStream(stored.streamId);
        const event = { type: stored.type, data: stored.data } as JourneyEvent;
        // Most events (coaching, activities, referrals, notes) change no fact: they read nothing.
        if (participantId === null || !mayChangeFacts(event)) return [];
        const row = sql.participant.get(participantId);
        const city = event.type === 'ParticipantEnrolled' ? event.data.city : row?.city;
        if (city === undefined) return [];
        const known: StoredFact[] = row ? JSON.parse(row.facts) : [];
        const { recordedAt } = stored.metadata;
        const month = logMonth.advance(recordedMonth(recordedAt, timeZoneOf(this.catalogue, city)));
        const facts = evolveOutcomeFacts(known, event, stored.version, { position: String(stored.position), recordedAt, month });
        if (facts === null) return [];
        const before = contributionAt({ city, facts: known }, null, exitClasses);
        const after = contributionAt({ city, facts }, null, exitClasses);
        const superseded: SupersededFact[] = [...(row ? JSON.parse(row.superseded) : []), ...supersededFacts(known, facts, month)];
        const recordKey = recordKeyOf(participantId);
        sql.saveParticipant.run(participantId, city, recordKey, JSON.stringify(facts), JSON.stringify(superseded));

        const changed = new Set<string>();
        const live = { counters: counterDeltas(city, before, after), survival: survivalDeltas(city, before, after) };
        for (const { scope, counter, delta } of live.counters) {
          sql.addToCounter.run(scope, counter, delta, addKey(0, recordKey, delta));
          changed.add(scope);
        }
        for (const { scope, kind, key, delta } of live.survival) {
          changed.add(scope);
          // Only a decrement can empty a tally: counts are sums of participants, never below 0.
          const keyDelta = addKey(0, recordKey, delta);
          if (delta > 0) {
            sql.addToTally.run(scope, kind, key, delta, keyDelta);
            continue;
          }
          const left = sql.takeFromTally.get(delta, keyDelta, scope, kind, key);
          if (left === undefined) sql.addToTally.run(scope, kind, key, delta, keyDelta);
          else if (left === 0) sql.dropTally.run(scope, kind, key);
        }
        dated.apply(city, known, facts, live, recordKey, stored.position, recordedAt);
        for (const scope of changed) sql.touchScope.run(scope, stored.position, stored.metadata.recordedAt);
        return [...changed];
      },
      flush: () => logMonth.flush(),
      discard: () => logMonth.discard(),
    };
  }
}
