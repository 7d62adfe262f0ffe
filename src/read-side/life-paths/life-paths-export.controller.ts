import { Readable } from 'node:stream';
import { Controller, Get, Header, Query, Res, StreamableFile } from '@nestjs/common';
import { Caller } from '../../auth/caller.decorator';
import type { Principal } from '../../auth/principal';
import { Requires } from '../../auth/requires.decorator';
import { type FieldError, InvalidInput } from '../../journey/domain/errors';
import { OUTCOME_CLASSES, type OutcomeClass } from '../../journey/domain/vocabulary';
import { lifePathsCsv } from '../../life-paths/life-paths-csv';
import type { LifePathFilter } from '../../life-paths/release-filter';
import { callerFilter, callerScope } from './caller-filter';
import { releaseFacts } from './life-path-page';
import { LifePathsReader } from './life-paths.reader';

/**
 * The life-paths release as a CSV download, for researchers' statistics tools, and what the release
 * says of itself (snapshot date, levels, loss) as JSON beside it: a CSV has no place for it
 * (docs/access-and-privacy.md). The CSV's file name carries the snapshot date, to match the two.
 */
@Controller('exports')
export class LifePathsExportController {
  constructor(private readonly reader: LifePathsReader) {}

  @Get('life-paths.csv')
  @Requires('readLifePaths')
  @Header('content-type', 'text/csv; charset=utf-8')
  async csv(
    @Caller() caller: Principal,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: { header(name: string, value: string): unknown },
  ): Promise<StreamableFile> {
    const filter = callerFilter(caller, filterOfQuery(query));
    const release = await this.reader.release();
    // No date before any month is closed: the file is then empty.
    const { releasedAsOf } = release.facts;
    const name = releasedAsOf === null ? 'life-paths' : `life-paths-${releasedAsOf}`;
    reply.header('content-disposition', `attachment; filename="${name}.csv"`);
    // Streamed as read: a national release is hundreds of megabytes.
    return new StreamableFile(Readable.from(lifePathsCsv(release.pathPages(filter))));
  }

  /** The same fields as GraphQL's LifePathConnection but the paths: `totalCount` is of the filter, `suppressedCount` of the caller's scope, the rest of the whole release. */
  @Get('life-paths.json')
  @Requires('readLifePaths')
  async metadata(@Caller() caller: Principal, @Query() query: Record<string, unknown>) {
    const filter = callerFilter(caller, filterOfQuery(query));
    const release = await this.reader.release();
    return { totalCount: release.count(filter), ...releaseFacts(release.facts, callerScope(caller)) };
  }
}

/** The same filter as GraphQL's, from `?city=&programme=&outcome=&entryYear=`; other parameters are ignored. */
function filterOfQuery(query: Record<string, unknown>): LifePathFilter {
  const errors: FieldError[] = [];
  const text = (field: string): string | null => {
    const value = query[field];
    if (value === undefined) return null;
    // A repeated parameter arrives as an array: which one was meant is anyone's guess.
    if (typeof value === 'string') return value;
    errors.push({ field, message: `${field} must be given once` });
    return null;
  };
  const [city, programme, outcome, entryYear] = ['city', 'programme', 'outcome', 'entryYear'].map(text);
  if (outcome !== null && !OUTCOME_CLASSES.includes(outcome as OutcomeClass)) {
    errors.push({ field: 'outcome', message: `outcome must be one of ${OUTCOME_CLASSES.join(', ')}` });
  }
  if (entryYear !== null && !/^\d{4}$/.test(entryYear)) errors.push({ field: 'entryYear', message: 'entryYear must be a year, e.g. 2007' });
  if (errors.length > 0) throw new InvalidInput(errors);
  return { city, programme, outcome: outcome as OutcomeClass | null, entryYear: entryYear === null ? null : Number(entryYear) };
}
