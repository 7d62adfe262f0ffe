import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../app.factory';
import { BUILT_IN_CATALOGUE } from '../catalogue/built-in-catalogue';
import { loadCatalogueFile } from '../catalogue/catalogue-file';
import { loadConfig } from '../config/config';
import { importProgressReport } from '../import/import-progress-report';
import { reportLines } from '../import/import-report';
import { JourneyImport } from '../import/journey-import';
import { IMPORT_FORMATS, type ImportFormat } from '../import/raw-table';
import { DamagedDatabaseFile, findDamagedFile } from '../storage/damaged-database-file';
import { checkStorageFiles, storageFiles } from '../storage/storage-files';
import { explainImportFailure, IMPORT_EXIT_CODES, ImportRefused } from './import-failure';
import { importRecorder } from './import-recorder';

const USAGE = 'Usage: npm run import -- FILE.csv|FILE.xlsx --city <code> [--by <name>] [--dry-run]';

/**
 * `npm run import -- past-journeys.csv --city paris [--dry-run]`: imports past journeys
 * (docs/import.md) into the store the service's settings name, through the service's own command
 * path, in this process. Exit codes: IMPORT_EXIT_CODES.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { city: { type: 'string' }, by: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new ImportRefused('USAGE', `Give one file to import. ${USAGE}`);
  const path = positionals[0]!;
  const format = extname(path).slice(1).toLowerCase() as ImportFormat;
  if (!IMPORT_FORMATS.includes(format)) throw new ImportRefused('USAGE', `'${path}' is neither a .csv nor an .xlsx file. ${USAGE}`);
  if (!values.city) throw new ImportRefused('USAGE', `--city is required: the city whose journeys the file holds. ${USAGE}`);
  const recordedBy = importRecorder(values.by, path);
  // The command prints its own report: the service's info lines would break into its progress bar.
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const cities = (config.programmesFile ? loadCatalogueFile(config.programmesFile) : BUILT_IN_CATALOGUE).cities.map((c) => c.code);
  if (!cities.includes(values.city)) throw new ImportRefused('UNKNOWN_CITY', `Unknown city '${values.city}': one of ${cities.join(', ')}`);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new ImportRefused('FILE_NOT_FOUND', `Cannot read '${path}': no such file`);
    throw new ImportRefused('UNREADABLE_FILE', `Cannot read '${path}': ${error.message}`);
  });
  // As the service does before it starts: a store it cannot open in one line, not in the middle of the framework's start.
  try {
    checkStorageFiles(config);
  } catch (error) {
    if (error instanceof DamagedDatabaseFile || typeof (error as { code?: unknown }).code !== 'string') throw error;
    throw new ImportRefused('STORE_UNOPENABLE', `Cannot open the store's files (${storageFiles(config).join(', ')}): ${(error as Error).message}`);
  }

  const app = await createApp(config).catch((error: unknown) => {
    throw findDamagedFile(error, storageFiles(config)) ?? error;
  });
  try {
    await app.init();
    const progress = importProgressReport(process.stdout);
    const report = await app
      .get(JourneyImport)
      .run({ bytes, format }, { city: values.city, recordedBy, dryRun: values['dry-run'] }, (p) => progress.progressed(p))
      .finally(() => progress.finish());
    console.log(reportLines(report).join('\n'));
    return report.errors.length === 0 ? IMPORT_EXIT_CODES.done : IMPORT_EXIT_CODES.rowErrors;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => {
    // exitCode rather than exit(): let the report reach a pipe.
    process.exitCode = code;
  },
  (error: unknown) => {
    const { lines, exitCode } = explainImportFailure(error, USAGE);
    console.error(lines.join('\n'));
    process.exitCode = exitCode;
  },
);
