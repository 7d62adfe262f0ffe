import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { DemoClock } from '../src/demo/demo-clock';
import { type DemoJourney, generateProgrammeRun } from '../src/demo/generate-programme-run';
import { seedDemoData } from '../src/demo/seed-demo-data';
import { type ImportableKind, KINDS } from '../src/import/import-columns';
import { JourneyImport } from '../src/import/journey-import';
import type { JourneyCommand } from '../src/journey/domain/commands';
import { csvOf, type FileRow } from '../test/support/past-journeys-file';
import { JWT_SECRET, PSEUDONYM_SECRET } from './processes';
import { row, type Row } from './results';
import { removeDatabase } from './store.bench';

/** The demo run at 322 participants per unit of scale. */
const PARTICIPANTS_PER_SCALE = 322;

const KIND_OF_COMMAND: Partial<Record<JourneyCommand['type'], ImportableKind>> = {
  EnrolParticipant: 'ENROLLED',
  RecordCoachingSession: 'COACHING_SESSION',
  StartActivity: 'ACTIVITY_STARTED',
  CompleteActivity: 'ACTIVITY_COMPLETED',
  ReferToPartner: 'REFERRED',
  RecordJobStart: 'JOB_STARTED',
  RecordSelfEmployment: 'SELF_EMPLOYMENT_STARTED',
  RecordExit: 'EXITED',
  RecordFollowUp: 'FOLLOW_UP',
  ReEnrolParticipant: 'RE_ENROLLED',
};

/**
 * Import rows per second against the demo seeder's milestones per second, for the same journeys
 * (the demo generator's run of `participants`), each into a fresh file by the service in this
 * process: the seeder records them one command at a time in order of days, through the command
 * bus; the import reads them as one CSV file per city and checks and records them (docs/import.md).
 */
export async function benchImport(workDir: string, participants: number): Promise<Row> {
  const run = [...generateProgrammeRun({ seed: 2007, scale: participants / PARTICIPANTS_PER_SCALE })];
  const milestones = run.reduce((n, j) => n + j.commands.length, 0);

  const seederFile = join(workDir, 'import-seeder.db');
  const clock = new DemoClock();
  const seederSeconds = await timed(seederFile, clock, (app) =>
    seedDemoData(app, { scale: participants / PARTICIPANTS_PER_SCALE, onDay: (day) => clock.recordingOn(day) }),
  );

  const files = filesPerCity(run);
  const importFile = join(workDir, 'import.db');
  let rows = 0;
  const importSeconds = await timed(importFile, undefined, async (app) => {
    for (const [city, cityRows] of files) {
      const report = await app.get(JourneyImport).run({ bytes: csvOf(cityRows), format: 'csv' }, { city, recordedBy: 'bench', dryRun: false });
      if (report.errors.length > 0 || report.recorded !== cityRows.length) throw new Error(`The import refused rows of the demo run: ${JSON.stringify(report.errors.slice(0, 3))}`);
      rows += report.recorded;
    }
  });
  return row({
    id: 'import',
    title: `Import of past journeys: the demo run's ${run.length.toLocaleString('en-US')} participants as one CSV file per city (checked, then recorded)`,
    value: rows / importSeconds,
    unit: 'rows/s',
    detail: `${rows.toLocaleString('en-US')} rows in ${importSeconds.toFixed(1)} s`,
    baseline: {
      title: 'the same journeys recorded by the demo seeder through the command path',
      value: milestones / seederSeconds,
      unit: 'milestones/s',
      detail: `${milestones.toLocaleString('en-US')} milestones in ${seederSeconds.toFixed(1)} s`,
    },
    target: { on: 'ratio', atLeast: 0.5 },
  });
}

/** Seconds `work` takes on the service started on a fresh `file`; the file is removed after. */
async function timed(file: string, clock: DemoClock | undefined, work: (app: INestApplication) => Promise<unknown>): Promise<number> {
  const config = loadConfig({ EVENT_STORE_URL: `sqlite:${file}`, NODE_ENV: 'test', AUTH_JWT_SECRET: JWT_SECRET, PSEUDONYM_SECRET, LOG_LEVEL: 'silent' });
  const app = await createApp(config, clock);
  try {
    await app.init();
    const started = performance.now();
    await work(app);
    return (performance.now() - started) / 1_000;
  } finally {
    await app.close();
    removeDatabase(file);
  }
}

/** Each city's rows: the journeys' commands as a coordinator's spreadsheet would hold them. */
function filesPerCity(run: readonly DemoJourney[]): Map<string, FileRow[]> {
  const files = new Map<string, FileRow[]>();
  for (const { participantId, commands } of run) {
    const enrolment = commands[0]!;
    if (enrolment.type !== 'EnrolParticipant') throw new Error('A demo journey starts with its enrolment');
    const { city } = enrolment.data;
    files.set(city, [...(files.get(city) ?? []), ...commands.map((command) => rowOf(participantId, city, command))]);
  }
  return files;
}

function rowOf(reference: string, city: string, command: JourneyCommand): FileRow {
  const kind = KIND_OF_COMMAND[command.type];
  if (!kind) throw new Error(`The demo run has a ${command.type}, which no row holds`);
  const data = command.data as Record<string, unknown>;
  // An enrolment's input has the profile's and the personal details' fields at the top.
  const values: Record<string, unknown> = command.type === 'EnrolParticipant' ? { ...command.data.profile, ...command.data.personal } : data;
  const cells: FileRow = { reference, city, kind, date: String(data.occurredOn) };
  if (typeof data.programme === 'string') cells.programme = data.programme;
  if (typeof data.note === 'string') cells.note = data.note;
  for (const { column } of KINDS[kind].columns) {
    const value = values[column];
    if (value !== null && value !== undefined) cells[column] = String(value);
  }
  return cells;
}
