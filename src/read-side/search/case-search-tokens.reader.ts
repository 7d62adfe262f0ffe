import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODEL_DATABASE } from '../../storage/storage.tokens';

/** Reads the blind index of names that CaseSearchProjection keeps. */
@Injectable()
export class CaseSearchTokensReader {
  private statement?: Database.Statement<[string, string, number], string>;

  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  /**
   * The participants of `city` whose names have every token: candidates only, as a token stands
   * for many words; the caller confirms each against the name itself.
   */
  candidates(city: string, tokens: readonly number[]): string[] {
    // Prepared on first use: the tables are created when the projections start, after this reader is built.
    this.statement ??= this.db
      .prepare<[string, string, number], string>(
        `SELECT participant_id FROM case_search_tokens
         WHERE city = ? AND token IN (SELECT value FROM json_each(?))
         GROUP BY participant_id HAVING count(*) = ?`,
      )
      .pluck();
    const distinct = [...new Set(tokens)];
    return this.statement.all(city, JSON.stringify(distinct), distinct.length);
  }
}
