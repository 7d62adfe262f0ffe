import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { type CaseHead, type CaseIdentity, caseView, type ParticipantCaseView } from '../../journey/case/participant-case';
import type { ParticipantStatus } from '../../journey/domain/vocabulary';
import type { KeyVault } from '../../personal-data/key-vault.port';
import { openPersonalData } from '../../personal-data/personal-data-cipher';
import { KEY_VAULT, SQLITE_DATABASE } from '../../storage/storage.tokens';
import { type CasePosition, decodeCursor, encodeCursor } from './case-page-cursor';
import { timelineOf } from './case-timeline-text';

export interface CaseListFilter {
  city: string | null;
  programme: string | null;
  status: ParticipantStatus | null;
}

export interface CasePage {
  edges: { cursor: string; node: ParticipantCaseView }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

interface CaseRow {
  participant_id: string;
  first_enrolled_on: string;
  identity: string;
  head: string;
  timeline: string;
}

const CASES = 'SELECT participant_id, first_enrolled_on, identity, head, milestones AS timeline FROM case_files JOIN case_timelines USING (case_id)';

const FILTER = `(@city IS NULL OR city = @city) AND (@programme IS NULL OR programme = @programme)
  AND (@status IS NULL OR status = @status)`;

/** Reads case files from the read model, opening their personal data with each participant's key. */
@Injectable()
export class CaseFilesReader {
  private statements?: ReturnType<typeof prepare>;

  constructor(
    @Inject(SQLITE_DATABASE) private readonly db: Database.Database,
    @Inject(KEY_VAULT) private readonly vault: KeyVault,
  ) {}

  async find(participantId: string): Promise<ParticipantCaseView | null> {
    const row = this.sql().byId.get(participantId);
    return row ? this.open(row) : null;
  }

  async list(filter: CaseListFilter, first: number, after: string | null): Promise<CasePage> {
    const from: CasePosition | null = after === null ? null : decodeCursor(after);
    const { page, count } = this.sql();
    const rows = page.all({
      ...filter,
      afterDate: from?.firstEnrolledOn ?? null,
      afterId: from?.participantId ?? null,
      limit: first + 1,
    });
    const shown = rows.slice(0, first);
    const edges = await Promise.all(
      shown.map(async (row) => ({
        cursor: encodeCursor({ firstEnrolledOn: row.first_enrolled_on, participantId: row.participant_id }),
        node: await this.open(row),
      })),
    );
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: count.get(filter)!,
    };
  }

  private async open(row: CaseRow): Promise<ParticipantCaseView> {
    const view = caseView(JSON.parse(row.identity) as CaseIdentity, JSON.parse(row.head) as CaseHead);
    const key = view.personalDataErased ? null : await this.vault.find(row.participant_id);
    // Sealed in the read model as in the events; without the key (erased) they read as null.
    const unseal = <T>(sealed: T | null): T | null =>
      key && sealed !== null ? (openPersonalData(key, row.participant_id, sealed as unknown as string) as T) : null;
    return {
      ...view,
      personal: unseal(view.personal),
      timeline: timelineOf(row.timeline).map((m) => ({ ...m, note: unseal(m.note) })),
    };
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
    page: db.prepare<[CaseListFilter & { afterDate: string | null; afterId: string | null; limit: number }], CaseRow>(`
      ${CASES}
      WHERE ${FILTER} AND (@afterDate IS NULL OR (first_enrolled_on, participant_id) > (@afterDate, @afterId))
      ORDER BY first_enrolled_on, participant_id LIMIT @limit`),
    count: db.prepare<[CaseListFilter], number>(`SELECT count(*) FROM case_files WHERE ${FILTER}`).pluck(),
  };
}
