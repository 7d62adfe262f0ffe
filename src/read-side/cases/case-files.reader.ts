import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { type CaseHead, type CaseIdentity, caseView } from '../../journey/case/participant-case';
import { asSealed, type SealedCase } from '../../journey/case/sealed-case';
import type { CalendarDate, ParticipantStatus } from '../../journey/domain/vocabulary';
import { READ_MODEL_DATABASE } from '../../storage/storage.tokens';
import { afterValues, CASES, type CaseRow, countSql, pageSql, positionOfRow } from './case-list-queries';
import type { CaseOrder } from './case-order';
import { decodeCursor, encodeCursor } from './case-page-cursor';
import { joinedBlocks, prepareBlocks } from './case-timeline-blocks';
import { notesOf, timelineOf } from './case-timeline-text';

export interface CaseListFilter {
  city: string | null;
  programme: string | null;
  status: ParticipantStatus | null;
  /** Only these participants (what a search found); every one when null. */
  participantIds: readonly string[] | null;
  /**
   * Only active cases whose last milestone is on or before the date given for their city (a city
   * left out has none); every case when null.
   */
  lastMilestoneBy: Readonly<Record<string, CalendarDate>> | null;
}

/** Where a case stands among its city's enrolments: what its reference is made of. */
export interface CaseNumber {
  city: string;
  number: number;
}

export interface CasePage {
  edges: { cursor: string; node: SealedCase }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** The filter as SQLite binds it: a list as a JSON array, the dates by city as a JSON object. */
const bound = ({ participantIds, lastMilestoneBy, ...filter }: CaseListFilter) => ({
  ...filter,
  participantIds: participantIds === null ? null : JSON.stringify(participantIds),
  lastMilestoneBy: lastMilestoneBy === null ? null : JSON.stringify(lastMilestoneBy),
});

/** Reads case files from the read model, their personal data sealed as stored (opened field by field when asked for). */
@Injectable()
export class CaseFilesReader {
  private statements?: ReturnType<typeof prepare>;
  /** The lists' statements by their SQL, prepared on first use: a dozen shapes at most. */
  private readonly listStatements = new Map<string, Database.Statement<[Record<string, unknown>]>>();

  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  async find(participantId: string): Promise<SealedCase | null> {
    const row = this.sql().byId.get(participantId);
    return row ? this.caseOf(row) : null;
  }

  /** The case's number among its city's enrolments; null when the read model has no such case. */
  caseNumber(participantId: string): CaseNumber | null {
    return this.sql().caseNumber.get(participantId) ?? null;
  }

  /** The case's personal details, sealed as stored; null when erased or unknown. */
  sealedPersonal(participantId: string): string | null {
    return this.sql().personal.get(participantId) ?? null;
  }

  /** The participant whose case has that number in that city; null when none. */
  participantNumbered({ city, number }: CaseNumber): string | null {
    return this.sql().numbered.get(city, number) ?? null;
  }

  /** A page of the cases `listFilter` keeps, in `order`, after the cursor `after` (one of a list in that order). */
  async list(listFilter: CaseListFilter, order: CaseOrder, first: number, after: string | null): Promise<CasePage> {
    const from = after === null ? null : decodeCursor(after, order);
    const filter = bound(listFilter);
    const oneCity = listFilter.city !== null;
    const page = this.listStatement(pageSql({ order, oneCity, afterCursor: from !== null }));
    const rows = page.all({ ...filter, ...(from && afterValues(from)), limit: first + 1 }) as CaseRow[];
    const shown = rows.slice(0, first);
    const edges = shown.map((row) => ({ cursor: encodeCursor(positionOfRow(order, row)), node: this.caseOf(row) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: this.listStatement(countSql(oneCity)).pluck().get(filter) as number,
    };
  }

  private caseOf(row: CaseRow): SealedCase {
    const view = caseView(JSON.parse(row.identity) as CaseIdentity, JSON.parse(row.head) as CaseHead);
    const lists = joinedBlocks(this.sql().blocks.all(row.case_id));
    return asSealed({ ...view, lastMilestoneOn: row.last_milestone_on, timeline: timelineOf(lists.milestones), notes: notesOf(lists.notes) });
  }

  private listStatement(sql: string): Database.Statement<[Record<string, unknown>]> {
    let statement = this.listStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<[Record<string, unknown>]>(sql);
      this.listStatements.set(sql, statement);
    }
    return statement;
  }

  // Prepared on first use: the tables are created when the projections start, after this reader is built.
  private sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }
}

function prepare(db: Database.Database) {
  return {
    byId: db.prepare<[string], CaseRow>(`${CASES} WHERE participant_id = ?`),
    blocks: prepareBlocks(db),
    caseNumber: db.prepare<[string], CaseNumber>('SELECT city, reference_number AS number FROM case_files WHERE participant_id = ?'),
    personal: db.prepare<[string], string | null>("SELECT identity ->> '$.personal' FROM case_files WHERE participant_id = ?").pluck(),
    numbered: db.prepare<[string, number], string>('SELECT participant_id FROM case_files WHERE city = ? AND reference_number = ?').pluck(),
  };
}
