import type Database from 'better-sqlite3';
import type { GlobalPosition, StoredEvent } from '../../event-store/event-store.port';
import { participantOfStream } from '../../journey/application/journey-repository';
import type { PersonalDetails } from '../../journey/domain/events';
import type { KeyVault } from '../../personal-data/key-vault.port';
import { nameWords } from '../../personal-data/name-words';
import { openPersonalData } from '../../personal-data/personal-data-cipher';
import type { Projection, ProjectionWriter, ReadModelCheck, ReadModelProblem } from '../../projections/projection';
import { oneRowPerParticipant } from '../participant-rows';

/** Keys read at once before a batch: in cluster mode each is a request to the cluster, and a rebuild's batch names thousands. */
const KEYS_AT_ONCE = 100;

/** Events that carry a participant's name (corrections never change personal details). */
const NAMED: ReadonlySet<string> = new Set(['ParticipantEnrolled', 'PersonalDetailsChanged']);

/** The index's checks, which need no key: what the verification process runs of it. */
export const CASE_SEARCH_CHECK: Required<ReadModelCheck> = {
  name: 'case-search',
  tables: ['case_search_participants', 'case_search_tokens'],
  /** A row per participant, from the enrolment on, erased ones included. */
  verify: (db: Database.Database, checkpoint: GlobalPosition): ReadModelProblem[] => oneRowPerParticipant(db, 'case_search_participants', checkpoint),
};

/**
 * The blind index of participants' names (src/personal-data/name-blind-index.ts): a token per
 * word of each name, by city, for `participants(search:)`. Names are sealed in the events, so the
 * writer opens them before each batch (`prepare`, with each participant's key from the KeyVault)
 * and keeps only their tokens in memory for `apply`; a shredded key gives no tokens, so an erased
 * participant has none, folded live or rebuilt. `case_search_participants` keeps each enrolled
 * participant's city (coded, kept after erasure), which new personal details are indexed under.
 */
export class CaseSearchProjection implements Projection {
  readonly name = CASE_SEARCH_CHECK.name;
  readonly tables = CASE_SEARCH_CHECK.tables;
  readonly verify = CASE_SEARCH_CHECK.verify;

  constructor(
    private readonly keys: KeyVault,
    private readonly tokenOf: (word: string) => number,
  ) {}

  open(db: Database.Database): ProjectionWriter {
    db.exec(`
      CREATE TABLE IF NOT EXISTS case_search_participants (
        participant_id TEXT PRIMARY KEY,
        city TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS case_search_tokens (
        participant_id TEXT NOT NULL,
        token INTEGER NOT NULL,
        city TEXT NOT NULL,
        PRIMARY KEY (participant_id, token)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS case_search_tokens_by_city ON case_search_tokens (city, token);
    `);
    const sql = {
      enrol: db.prepare<[string, string]>('INSERT INTO case_search_participants (participant_id, city) VALUES (?, ?)'),
      city: db.prepare<[string], string>('SELECT city FROM case_search_participants WHERE participant_id = ?').pluck(),
      forget: db.prepare<[string]>('DELETE FROM case_search_tokens WHERE participant_id = ?'),
      index: db.prepare<[string, number, string]>('INSERT OR IGNORE INTO case_search_tokens (participant_id, token, city) VALUES (?, ?, ?)'),
    };
    /** The tokens of each named event of the batch, by position: what `prepare` found, for `apply`. */
    let prepared = new Map<GlobalPosition, readonly number[]>();

    const tokensOf = (event: StoredEvent): readonly number[] => {
      const tokens = prepared.get(event.position);
      if (tokens === undefined) throw new Error(`The name of the event at position ${event.position} was not prepared`);
      return tokens;
    };
    const index = (participantId: string, city: string, tokens: readonly number[]): void => {
      for (const token of tokens) sql.index.run(participantId, token, city);
    };

    return {
      prepare: async (events) => {
        prepared = await this.tokensOfNames(events);
      },
      apply: (event) => {
        const participantId = participantOfStream(event.streamId);
        if (participantId === null) return [];
        switch (event.type) {
          case 'ParticipantEnrolled': {
            const city = event.data.city as string;
            sql.enrol.run(participantId, city);
            index(participantId, city, tokensOf(event));
            break;
          }
          case 'PersonalDetailsChanged':
            sql.forget.run(participantId);
            index(participantId, sql.city.get(participantId)!, tokensOf(event));
            break;
          case 'PersonalDataErased':
            sql.forget.run(participantId);
            break;
        }
        return [];
      },
      flush: () => {
        prepared = new Map();
      },
      discard: () => {
        prepared = new Map();
      },
    };
  }

  /** The tokens of every name the events carry, opened with their participants' keys (none once shredded). */
  private async tokensOfNames(events: readonly StoredEvent[]): Promise<Map<GlobalPosition, readonly number[]>> {
    const named = events.filter((event) => NAMED.has(event.type) && participantOfStream(event.streamId) !== null);
    const participants = [...new Set(named.map((event) => participantOfStream(event.streamId)!))];
    const keys = new Map<string, Buffer | null>();
    for (let at = 0; at < participants.length; at += KEYS_AT_ONCE) {
      const some = participants.slice(at, at + KEYS_AT_ONCE);
      (await Promise.all(some.map((id) => this.keys.find(id)))).forEach((key, i) => keys.set(some[i]!, key));
    }
    const tokens = new Map<GlobalPosition, readonly number[]>();
    for (const event of named) {
      const participantId = participantOfStream(event.streamId)!;
      const key = keys.get(participantId) ?? null;
      const sealed = event.data.personal as string | null;
      const personal = key === null || sealed === null ? null : (openPersonalData(key, participantId, sealed) as PersonalDetails);
      tokens.set(event.position, personal === null ? [] : [...new Set(nameWords(personal.fullName).map(this.tokenOf))]);
    }
    return tokens;
  }
}
