import { Controller, HttpCode, Post, Query, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { Caller } from '../auth/caller.decorator';
import type { Principal } from '../auth/principal';
import { Requires } from '../auth/requires.decorator';
import { type FieldError, InvalidInput } from '../journey/domain/errors';
import type { ImportReport } from './import-report';
import { JourneyImport } from './journey-import';
import { FORMAT_OF_MEDIA_TYPE, readUpload, UPLOAD_MEDIA_TYPES } from './read-upload';

/**
 * `POST /imports?city=paris&dryRun=true` with a CSV or .xlsx file as the body: the import of
 * `npm run import`, for admins (docs/import.md). Answers the report as JSON, 200 whether or not
 * rows had errors; the events are recorded with the admin's `sub` as `recordedBy`.
 */
@Controller('imports')
export class ImportsController {
  constructor(private readonly importer: JourneyImport) {}

  @Post()
  @Requires('importJourneys')
  @HttpCode(200)
  async upload(
    @Caller() caller: Principal,
    @Query() query: Record<string, unknown>,
    @Req() request: { headers: Record<string, string | undefined>; body?: unknown },
  ): Promise<ImportReport> {
    const { city, dryRun } = optionsOfQuery(query);
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const format = FORMAT_OF_MEDIA_TYPE[mediaType];
    if (!format) throw new UnsupportedMediaTypeException(`Send the file as ${UPLOAD_MEDIA_TYPES.join(' or ')}`);
    const bytes = await readUpload(request);
    return this.importer.run({ bytes, format }, { city, recordedBy: caller.sub, dryRun });
  }
}

/** `?city=` (required) and `?dryRun=true|false` (false when absent). */
function optionsOfQuery(query: Record<string, unknown>): { city: string; dryRun: boolean } {
  const errors: FieldError[] = [];
  const { city, dryRun = 'false' } = query;
  if (typeof city !== 'string' || city === '') errors.push({ field: 'city', message: 'city must be given once: the city whose journeys the file holds' });
  if (dryRun !== 'true' && dryRun !== 'false') errors.push({ field: 'dryRun', message: 'dryRun must be true or false' });
  if (errors.length > 0) throw new InvalidInput(errors);
  return { city: city as string, dryRun: dryRun === 'true' };
}
