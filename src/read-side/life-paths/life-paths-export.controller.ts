import { Controller, Get, Header, Query } from '@nestjs/common';
import { Caller } from '../../auth/caller.decorator';
import type { Principal } from '../../auth/principal';
import { Requires } from '../../auth/requires.decorator';
import { type FieldError, InvalidInput } from '../../journey/domain/errors';
import { OUTCOME_CLASSES, type OutcomeClass } from '../../journey/domain/vocabulary';
import { lifePathsCsv } from '../../life-paths/life-paths-csv';
import { filterRelease, type LifePathFilter } from '../../life-paths/release-filter';
import { callerFilter } from './caller-filter';
import { LifePathsReader } from './life-paths.reader';

/** The life-paths release as a CSV download, for researchers' statistics tools (docs/access-and-privacy.md). */
@Controller('exports')
export class LifePathsExportController {
  constructor(private readonly reader: LifePathsReader) {}

  @Get('life-paths.csv')
  @Requires('readLifePaths')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="life-paths.csv"')
  csv(@Caller() caller: Principal, @Query() query: Record<string, unknown>): string {
    const filter = callerFilter(caller, filterOfQuery(query));
    return lifePathsCsv({ paths: filterRelease(this.reader.release().paths, filter) });
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
