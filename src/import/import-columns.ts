import * as v from '../journey/domain/vocabulary';
import { CompleteActivityInput } from '../journey/graphql/inputs/complete-activity.input';
import { EnrolParticipantInput } from '../journey/graphql/inputs/enrol-participant.input';
import { ReEnrolParticipantInput } from '../journey/graphql/inputs/re-enrol-participant.input';
import { RecordCoachingSessionInput } from '../journey/graphql/inputs/record-coaching-session.input';
import { RecordExitInput } from '../journey/graphql/inputs/record-exit.input';
import { RecordFollowUpInput } from '../journey/graphql/inputs/record-follow-up.input';
import { RecordJobStartInput } from '../journey/graphql/inputs/record-job-start.input';
import { RecordSelfEmploymentInput } from '../journey/graphql/inputs/record-self-employment.input';
import { ReferToPartnerInput } from '../journey/graphql/inputs/refer-to-partner.input';
import { StartActivityInput } from '../journey/graphql/inputs/start-activity.input';
import type { JourneyCommand } from '../journey/domain/commands';

/** How a cell is read, as the API's GraphQL type of the same field reads its value. */
export type CellType =
  | { kind: 'text' }
  | { kind: 'int' }
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[] }
  /** A partner code of the importer's city, as the journey's catalogue check takes it. */
  | { kind: 'partner' };

/** A column of a milestone kind: where its value goes in the API's input of that kind. */
export interface FieldColumn {
  column: string;
  /** The field's path in the API input, e.g. `personal.fullName`: field errors are named so. */
  path: string;
  type: CellType;
  required: boolean;
}

/** Every milestone kind but the erasure, which the service dates itself when it is asked for. */
export type ImportableKind = Exclude<v.MilestoneKind, 'PERSONAL_DATA_ERASED'>;
export const IMPORTABLE_KINDS: readonly ImportableKind[] = v.MILESTONE_KINDS.filter((kind): kind is ImportableKind => kind !== 'PERSONAL_DATA_ERASED');

/** The GraphQL input class of a kind: its class-validator rules are the row's, and it makes the command. */
export type KindInput = new () => { toCommand(): JourneyCommand };

/** Columns every row has; `note` may be left empty, and `programme` but on an enrolment. */
export const COMMON_COLUMNS = ['reference', 'city', 'programme', 'kind', 'date', 'note'] as const;
/** A file whose header lacks one of these cannot be read at all. */
export const REQUIRED_COLUMNS = ['reference', 'city', 'programme', 'kind', 'date'] as const;

const text = (column: string, required = true, path = column): FieldColumn => ({ column, path, type: { kind: 'text' }, required });
const int = (column: string, required = true): FieldColumn => ({ column, path: column, type: { kind: 'int' }, required });
const date = (column: string): FieldColumn => ({ column, path: column, type: { kind: 'date' }, required: false });
const oneOf = (column: string, values: readonly string[]): FieldColumn => ({ column, path: column, type: { kind: 'enum', values }, required: true });
const partner = (column: string, required = true): FieldColumn => ({ column, path: column, type: { kind: 'partner' }, required });

/** What each kind reads beside the common columns, and the input it fills. */
export const KINDS: Record<ImportableKind, { input: KindInput; dateField: string; columns: readonly FieldColumn[] }> = {
  ENROLLED: {
    input: EnrolParticipantInput,
    dateField: 'enrolledOn',
    columns: [
      int('birthYear'),
      oneOf('gender', v.GENDERS),
      oneOf('educationLevel', v.EDUCATION_LEVELS),
      oneOf('positionLevel', v.POSITION_LEVELS),
      text('lastSector'),
      date('unemployedSince'),
      oneOf('incomeSupport', v.INCOME_SUPPORTS),
      text('fullName', true, 'personal.fullName'),
      text('email', false, 'personal.email'),
      text('phone', false, 'personal.phone'),
    ],
  },
  COACHING_SESSION: { input: RecordCoachingSessionInput, dateField: 'occurredOn', columns: [oneOf('mode', v.COACHING_MODES), int('durationMinutes')] },
  ACTIVITY_STARTED: { input: StartActivityInput, dateField: 'occurredOn', columns: [oneOf('activity', v.ACTIVITY_KINDS), partner('provider', false)] },
  ACTIVITY_COMPLETED: {
    input: CompleteActivityInput,
    dateField: 'occurredOn',
    columns: [oneOf('activity', v.ACTIVITY_KINDS), oneOf('result', v.ACTIVITY_RESULTS)],
  },
  REFERRED: { input: ReferToPartnerInput, dateField: 'occurredOn', columns: [partner('partner')] },
  JOB_STARTED: {
    input: RecordJobStartInput,
    dateField: 'occurredOn',
    columns: [oneOf('contractType', v.CONTRACT_TYPES), oneOf('employerType', v.EMPLOYER_TYPES), text('sector'), int('weeklyHours', false)],
  },
  SELF_EMPLOYMENT_STARTED: {
    input: RecordSelfEmploymentInput,
    dateField: 'occurredOn',
    columns: [oneOf('form', v.SELF_EMPLOYMENT_FORMS), text('sector')],
  },
  EXITED: { input: RecordExitInput, dateField: 'occurredOn', columns: [oneOf('reason', v.EXIT_REASONS)] },
  FOLLOW_UP: { input: RecordFollowUpInput, dateField: 'occurredOn', columns: [int('monthsAfterExit'), oneOf('status', v.FOLLOW_UP_STATUSES)] },
  RE_ENROLLED: { input: ReEnrolParticipantInput, dateField: 'occurredOn', columns: [] },
};

/** Every column a file may have, in the template's order. */
export const ALL_COLUMNS: readonly string[] = [
  ...new Set([...COMMON_COLUMNS, ...IMPORTABLE_KINDS.flatMap((kind) => KINDS[kind].columns.map((c) => c.column))]),
];

/** The column an input field's error is about: `personal.email` is `email`, the date field is `date`. */
export function columnOfField(kind: ImportableKind, field: string): string {
  const { dateField, columns } = KINDS[kind];
  if (field === dateField) return 'date';
  return columns.find((c) => c.path === field)?.column ?? field;
}
