import type { RecordedJourneyEvent } from '../journey/application/recorded-journey-event';
import type { JourneyCommand } from '../journey/domain/commands';
import { decide, type DecisionContext } from '../journey/domain/decide';
import { InvalidInput, type RuleCode, RuleViolation } from '../journey/domain/errors';
import type { JourneyEvent } from '../journey/domain/events';
import { evolveJourney, foldJourney, type Journey } from '../journey/domain/journey';
import { columnOfField } from './import-columns';
import { type ImportError, withoutRowDate } from './import-error';
import type { ParsedRow } from './parse-row';
import { rowCommandId } from './participant-ids';

/** A row the journey takes, with the commandId it is recorded under. */
export interface PlannedRow {
  line: number;
  occurredOn: string;
  command: JourneyCommand;
  commandId: string;
}

/** What an import does with one participant of the file. */
export interface ParticipantPlan {
  participantId: string;
  /** Its rows that the journey takes and that are not recorded yet, in the order they are to be recorded. */
  toRecord: PlannedRow[];
  /** Its rows already recorded, by this import run before or by another file. */
  alreadyThere: number;
  /** Its rows' errors: with any, none of its rows is recorded. */
  errors: ImportError[];
}

export interface PlanContext extends DecisionContext {
  /** The participant's events as stored (none for a participant the store does not have). */
  load: (participantId: string) => Promise<RecordedJourneyEvent[]>;
  /** How the command handler keeps a commandId in the stream, to know a row already recorded. */
  digest: (commandId: string) => string;
}

/** The column a broken rule is about. */
const RULE_COLUMNS: Partial<Record<RuleCode, string>> = {
  DATE_BEFORE_ENROLMENT: 'date',
  DATE_BEFORE_EXIT: 'date',
  DATE_BEFORE_LAST_MILESTONE: 'date',
  DATE_BEFORE_ACTIVITY_START: 'date',
  DATE_IN_FUTURE: 'date',
  FOLLOW_UP_OUT_OF_WINDOW: 'date',
  EXIT_WITHOUT_OUTCOME: 'reason',
  ACTIVITY_NOT_STARTED: 'activity',
  ACTIVITY_ALREADY_STARTED: 'activity',
};

/**
 * Checks every participant's rows with the API's `decide`, on an in-memory fold of its stored
 * journey and of its rows before, and stores nothing. A participant's rows are taken in order of
 * date, rows of one date in the order of the file. A row already recorded (its commandId's digest
 * is in the stream) is skipped: the stored journey holds it. A row that is refused is left out of
 * the fold, so the rows after it are checked as the journey would be without it.
 */
export async function planJourneys(
  rows: readonly ParsedRow[],
  context: PlanContext,
  onChecked: (rows: number) => void = () => undefined,
): Promise<ParticipantPlan[]> {
  const byParticipant = new Map<string, ParsedRow[]>();
  for (const row of rows) {
    const id = row.command.data.participantId;
    byParticipant.set(id, [...(byParticipant.get(id) ?? []), row]);
  }
  const plans: ParticipantPlan[] = [];
  for (const [participantId, own] of byParticipant) {
    plans.push(await planParticipant(participantId, own, context));
    onChecked(own.length);
  }
  return plans;
}

async function planParticipant(participantId: string, rows: readonly ParsedRow[], context: PlanContext): Promise<ParticipantPlan> {
  const stored = await context.load(participantId);
  const recorded = new Set(stored.map((r) => r.metadata.commandId));
  let journey: Journey = foldJourney(stored.map((r) => r.event));
  const plan: ParticipantPlan = { participantId, toRecord: [], alreadyThere: 0, errors: [] };
  const occurrences = new Map<string, number>();
  // A stable sort: rows of one date keep the file's order.
  for (const row of [...rows].sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0))) {
    const occurrence = occurrences.get(rowCommandId(row.command, 0)) ?? 0;
    occurrences.set(rowCommandId(row.command, 0), occurrence + 1);
    const commandId = rowCommandId(row.command, occurrence);
    if (recorded.has(context.digest(commandId))) {
      plan.alreadyThere++;
      continue;
    }
    const decided = decideRow(row, journey, context);
    if ('errors' in decided) {
      plan.errors.push(...decided.errors);
      continue;
    }
    journey = decided.events.reduce(evolveJourney, journey);
    plan.toRecord.push({ line: row.line, occurredOn: row.occurredOn, command: row.command, commandId });
  }
  return plan;
}

/** The events the journey as it stands takes from the row, or why it refuses it, in the row's terms. */
function decideRow({ line, kind, occurredOn, programme, command }: ParsedRow, journey: Journey, context: DecisionContext): { events: JourneyEvent[] } | { errors: ImportError[] } {
  const { state } = journey;
  if (programme !== null && state.enrolled && programme !== state.programme) {
    return { errors: [{ line, column: 'programme', code: 'OTHER_PROGRAMME', message: `The participant is in ${state.programme} then, not in ${programme}` }] };
  }
  try {
    return { events: decide(command, journey, context) };
  } catch (error) {
    if (error instanceof RuleViolation) {
      const message = withoutRowDate(error.message, occurredOn);
      return { errors: [{ line, column: RULE_COLUMNS[error.rule] ?? 'kind', code: 'RULE_VIOLATION', message, rule: error.rule }] };
    }
    if (error instanceof InvalidInput) {
      return { errors: error.fieldErrors.map(({ field, message }) => ({ line, column: columnOfField(kind, field), code: 'BAD_USER_INPUT', message })) };
    }
    throw error;
  }
}
