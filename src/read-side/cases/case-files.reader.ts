import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { type CaseHead, type CaseIdentity, caseView } from '../../journey/case/participant-case';
import { asSealed, type SealedCase } from '../../journey/case/sealed-case';
import type { ParticipantStatus } from '../../journey/domain/vocabulary';
import { READ_MODEL_DATABASE } from '../../storage/storage.tokens';
import { type CasePosition, decodeCursor, encodeCursor } from './case-page-cursor';
import { notesOf, timelineOf } from './case-timeline-text';

export interface CaseListFilter {
  city: string | null;
  programme: string | null;
  status: ParticipantStatus | null;
  /** Only these participants (what a search found); every one when null. */
  participantIds: readonly string[] | null;
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

interface CaseRow {
  participant_id: string;
  first_enrolled_on: string;
  identity: string;
  head: string;
  timeline: string;
  notes: string;
}

const CASES = 'SELECT participant_id, first_enrolled_on, identity, head, milestones AS timeline, notes FROM case_files JOIN case_timelines USING (case_id)';

const FILTER = `(@city IS NULL OR city = @city) AND (@programme IS NULL OR programme = @programme)
  AND (@status IS NULL OR status = @status)
  AND (@participantIds IS NULL OR participant_id IN (SELECT value FROM json_each(@participantIds)))`;

/** The filter as SQLite binds it: a list as a JSON array. */
const bound = ({ participantIds, ...filter }: CaseListFilter) => ({
  ...filter,
  participantIds: participantIds === null ? null : JSON.stringify(participantIds),
});

/** Reads case files from the read model, their personal data sealed as stored (opened field by field when asked for). */
@Injectable()
export class CaseFilesReader {
  private statements?: ReturnType<typeof prepare>;

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

  async list(listFilter: CaseListFilter, first: number, after: string | null): Promise<CasePage> {
    const from: CasePosition | null = after === null ? null : decodeCursor(after);
    const { page, count } = this.sql();
    const filter = bound(listFilter);
    const rows = page.all({
      ...filter,
      afterDate: from?.firstEnrolledOn ?? null,
      afterId: from?.participantId ?? null,
      limit: first + 1,
    });
    const shown = rows.slice(0, first);
    const edges = shown.map((row) => ({
      cursor: encodeCursor({ firstEnrolledOn: row.first_enrolled_on, participantId: row.participant_id }),
      node: this.caseOf(row),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: count.get(filter)!,
    };
  }

  private caseOf(row: CaseRow): SealedCase {
    const view = caseView(JSON.parse(row.identity) as CaseIdentity, JSON.parse(row.head) as CaseHead);
    return asSealed({ ...view, timeline: timelineOf(row.timeline), notes: notesOf(row.notes) });
  }

  // Prepared on first use: the tables are created when the projections start, after this reader is built.
  private sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }
}

type BoundFilter = ReturnType<typeof bound>;

function prepare(db: Database.Database) {
  return {
    byId: db.prepare<[string], CaseRow>(`${CASES} WHERE participant_id = ?`),
    caseNumber: db.prepare<[string], CaseNumber>('SELECT city, reference_number AS number FROM case_files WHERE participant_id = ?'),
    personal: db.prepare<[string], string | null>("SELECT identity ->> '$.personal' FROM case_files WHERE participant_id = ?").pluck(),
    numbered: db.prepare<[string, number], string>('SELECT participant_id FROM case_files WHERE city = ? AND reference_number = ?').pluck(),
    page: db.prepare<[BoundFilter & { afterDate: string | null; afterId: string | null; limit: number }], CaseRow>(`
      ${CASES}
      WHERE ${FILTER} AND (@afterDate IS NULL OR (first_enrolled_on, participant_id) > (@afterDate, @afterId))
      ORDER BY first_enrolled_on, participant_id LIMIT @limit`),
    count: db.prepare<[BoundFilter], number>(`SELECT count(*) FROM case_files WHERE ${FILTER}`).pluck(),
  };
}
