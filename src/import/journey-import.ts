import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '../auth/principal';
import { type Catalogue, findCity, timeZoneOf } from '../catalogue/catalogue';
import { CATALOGUE } from '../catalogue/catalogue.tokens';
import { Clock } from '../clock/clock';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { describeError } from '../graphql/error-code';
import { ExecuteJourneyCommand } from '../journey/application/execute-journey-command';
import { JourneyRepository } from '../journey/application/journey-repository';
import { InvalidInput, type RuleCode } from '../journey/domain/errors';
import { commandIdDigester } from '../personal-data/command-id-digest';
import { type ImportError, withoutRowDate } from './import-error';
import { type ImportReport, importReport } from './import-report';
import { rowsUnderHeader } from './import-table';
import { type ParsedRow, parseRow } from './parse-row';
import { importedParticipantIds } from './participant-ids';
import { type ParticipantPlan, planJourneys } from './plan-journeys';
import { type ImportFormat, type RawLine, UnreadableFile } from './raw-table';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

export interface ImportOptions {
  /** The importer's city: every row must be of it. */
  city: string;
  /** Recorded as each event's `recordedBy`. */
  recordedBy: string;
  /** Check every row and record nothing. */
  dryRun: boolean;
}

/** How far an import has gone, in rows: checked first, then (unless a dry run) recorded. */
export interface ImportProgress {
  phase: 'checking' | 'recording';
  done: number;
  total: number;
}

/** Participants recorded at once: their appends share the store's group commit; one participant's rows go one after the other. */
const LANES = 8;

/**
 * Imports past journeys from a file of one row per milestone (docs/import.md): every row is read
 * as the API reads a mutation's input, checked with the API's `decide` on an in-memory fold of
 * the stored journey and the file's rows, and (unless a dry run) recorded through the command bus,
 * as an adviser of the importer's city, with a commandId derived from the row: running a file
 * again records nothing new. A participant with an error in any row is not recorded at all.
 * Events are recorded today, dated on the file's dates: the domain takes past dates as it takes
 * a late-recorded milestone.
 */
@Injectable()
export class JourneyImport {
  private readonly participantIds: (city: string, reference: string) => string;

  private readonly digest: (commandId: string) => string;

  constructor(
    private readonly journeys: JourneyRepository,
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.participantIds = importedParticipantIds(config.pseudonymSecret);
    this.digest = commandIdDigester(config.pseudonymSecret);
  }

  /** Rejects with InvalidInput for a city the catalogue does not have; a file's errors are in the report. */
  async run(
    file: { bytes: Buffer; format: ImportFormat },
    { city, recordedBy, dryRun }: ImportOptions,
    onProgress: (progress: ImportProgress) => void = () => undefined,
  ): Promise<ImportReport> {
    if (!findCity(this.catalogue, city)) {
      const codes = this.catalogue.cities.map((c) => c.code).join(', ');
      throw new InvalidInput([{ field: 'city', message: `Unknown city '${city}': one of ${codes}` }]);
    }
    const empty = { city, dryRun, rows: 0, participants: 0, recorded: 0, alreadyThere: 0 };
    let lines: RawLine[];
    try {
      lines = file.format === 'csv' ? readCsv(file.bytes) : await readXlsx(file.bytes);
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      return importReport(empty, [{ line: error.line, column: null, code: 'UNREADABLE_FILE', message: error.message }]);
    }
    const table = rowsUnderHeader(lines);
    if ('errors' in table) return importReport(empty, table.errors);

    const today = this.clock.today(timeZoneOf(this.catalogue, city));
    const participantIdOf = (reference: string) => this.participantIds(city, reference);
    const errors: ImportError[] = [];
    const parsed: ParsedRow[] = [];
    const participants = new Set<string>();
    // A participant with a row that does not even read is held back whole, as one with a row decide refuses.
    const heldBack = new Set<string>();
    for (const row of table.rows) {
      const { reference, city: rowCity = city } = row.cells;
      // A row of another city is no participant of this import; one without a city may be.
      const participantId = rowCity === city && reference !== undefined ? participantIdOf(reference) : null;
      if (participantId !== null) participants.add(participantId);
      const read = parseRow(row, { city, participantIdOf, today, catalogue: this.catalogue });
      if ('row' in read) parsed.push(read.row);
      else {
        errors.push(...read.errors);
        if (participantId !== null) heldBack.add(participantId);
      }
    }

    let checked = 0;
    const plans = await planJourneys(
      parsed,
      { today, catalogue: this.catalogue, load: (id) => this.journeys.load(id), digest: this.digest },
      (rows) => onProgress({ phase: 'checking', done: (checked += rows), total: parsed.length }),
    );
    errors.push(...plans.flatMap((p) => p.errors));
    const recordable = plans.filter((p) => p.errors.length === 0 && !heldBack.has(p.participantId));
    const toRecord = recordable.reduce((n, p) => n + p.toRecord.length, 0);
    const alreadyThere = plans.reduce((n, p) => n + p.alreadyThere, 0);
    const counts = { city, dryRun, rows: table.rows.length, participants: participants.size, alreadyThere };
    if (dryRun) return importReport({ ...counts, recorded: toRecord }, errors);

    const importer: Principal = { sub: recordedBy, role: 'adviser', city, expiresAt: Number.POSITIVE_INFINITY };
    let recorded = 0;
    const queue = [...recordable];
    const lane = async (): Promise<void> => {
      for (let plan = queue.shift(); plan; plan = queue.shift()) {
        const failure = await this.record(plan, importer, () => onProgress({ phase: 'recording', done: ++recorded, total: toRecord }));
        if (failure) errors.push(failure);
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    return importReport({ ...counts, recorded }, errors);
  }

  /**
   * Records a participant's rows one after the other through the command bus; answers the error
   * of a row the service refused (another process changed the journey since it was checked, the
   * store failed), after which its later rows are not sent: a later run resumes where it stopped.
   */
  private async record(plan: ParticipantPlan, caller: Principal, onRecorded: () => void): Promise<ImportError | null> {
    for (const { line, occurredOn, command, commandId } of plan.toRecord) {
      try {
        await this.commandBus.execute(new ExecuteJourneyCommand(command, { commandId, expectedVersion: null, caller }));
        onRecorded();
      } catch (error) {
        const described = describeError(error);
        if (!described) throw error;
        const rule = described.extensions.rule as RuleCode | undefined;
        return { line, column: null, code: described.code, message: withoutRowDate(described.message, occurredOn), ...(rule ? { rule } : {}) };
      }
    }
    return null;
  }
}
