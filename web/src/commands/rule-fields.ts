import type { RuleCode } from '../../../src/journey/domain/errors';

export type { RuleCode };

/** Every rule of the journey (`extensions.rule`): the typecheck fails on a rule missing here, so each has its message. */
const RULES: Record<RuleCode, true> = {
  NOT_ENROLLED: true,
  ALREADY_ENROLLED: true,
  DATE_BEFORE_ENROLMENT: true,
  DATE_BEFORE_EXIT: true,
  DATE_BEFORE_LAST_MILESTONE: true,
  DATE_BEFORE_ACTIVITY_START: true,
  DATE_IN_FUTURE: true,
  NOT_ACTIVE: true,
  ACTIVITY_NOT_STARTED: true,
  ACTIVITY_ALREADY_STARTED: true,
  EXIT_WITHOUT_OUTCOME: true,
  FOLLOW_UP_BEFORE_EXIT: true,
  FOLLOW_UP_OUT_OF_WINDOW: true,
  MILESTONE_VOIDED: true,
  NOT_EXITED: true,
  ERASED: true,
};
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

const DEFAULT_RULE_FIELDS: Partial<Record<RuleCode, string>> = {
  DATE_BEFORE_ENROLMENT: 'occurredOn',
  DATE_BEFORE_EXIT: 'occurredOn',
  DATE_BEFORE_LAST_MILESTONE: 'occurredOn',
  DATE_BEFORE_ACTIVITY_START: 'occurredOn',
  DATE_IN_FUTURE: 'occurredOn',
  FOLLOW_UP_BEFORE_EXIT: 'occurredOn',
  FOLLOW_UP_OUT_OF_WINDOW: 'occurredOn',
  ACTIVITY_NOT_STARTED: 'activity',
  ACTIVITY_ALREADY_STARTED: 'activity',
};

/** Whether a string is a rule this app has a message for. */
export const isRuleCode = (rule: unknown): rule is RuleCode => typeof rule === 'string' && Object.hasOwn(RULES, rule);

/**
 * The form field a rule's refusal is about, when the form has it: the form's own choice first
 * (an exit's reason for EXIT_WITHOUT_OUTCOME), then the date for the date rules; null for a rule
 * about the case as a whole (NOT_ACTIVE), shown above the form.
 */
export function fieldOfRule(rule: RuleCode, fieldNames: readonly string[], own: Partial<Record<RuleCode, string>> = {}): string | null {
  const field = own[rule] ?? DEFAULT_RULE_FIELDS[rule];
  return field !== undefined && fieldNames.includes(field) ? field : null;
}
