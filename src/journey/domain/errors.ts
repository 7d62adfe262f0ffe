/** The journey's rules, named as clients see them in `extensions.rule`. */
export type RuleCode =
  | 'NOT_ENROLLED'
  | 'ALREADY_ENROLLED'
  | 'DATE_BEFORE_ENROLMENT'
  | 'DATE_BEFORE_EXIT'
  | 'DATE_BEFORE_LAST_MILESTONE'
  | 'DATE_BEFORE_ACTIVITY_START'
  | 'DATE_IN_FUTURE'
  | 'NOT_ACTIVE'
  | 'ACTIVITY_NOT_STARTED'
  | 'ACTIVITY_ALREADY_STARTED'
  | 'EXIT_WITHOUT_OUTCOME'
  | 'FOLLOW_UP_BEFORE_EXIT'
  | 'FOLLOW_UP_OUT_OF_WINDOW'
  | 'MILESTONE_VOIDED'
  | 'NOT_EXITED'
  | 'ERASED';

/** A command that breaks a rule of the journey: nothing is recorded. */
export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  constructor(
    readonly rule: RuleCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FieldError {
  /** Path of the field within the command's input, e.g. `personal.fullName`. */
  field: string;
  message: string;
}

/** Input that no journey could accept (unknown codes, out-of-range values). */
export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
  constructor(readonly fieldErrors: readonly FieldError[]) {
    super(fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

export class ParticipantNotFound extends Error {
  override readonly name = 'ParticipantNotFound';
  constructor(readonly participantId: string) {
    super(`No participant ${participantId}`);
  }
}
