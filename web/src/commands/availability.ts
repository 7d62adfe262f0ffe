import type { CaseForForm } from '../api/command-types';
import type { MessageKey } from '../i18n/messages/en';
import type { CaseAction } from './case-actions';

/** What the availability rules read of a case: its state (the case file's page has the same fields). */
export type CaseState = Pick<CaseForForm, 'status' | 'personalDataErased' | 'activeActivities'>;

/** When a form can be used: null when it can, else why not (the form shows it, the case file hides its link). */
export type Availability = (context: { caseFile: CaseState | null }) => MessageKey | null;

/** A step of the spell needs a participant still in the programme (NOT_ACTIVE). */
export const whileActive: Availability = ({ caseFile }) => (caseFile?.status === 'EXITED' ? 'form.unavailable.exited' : null);

/** A note or personal details need personal data that can still be recorded (ERASED). */
export const whileNotErased: Availability = ({ caseFile }) => (caseFile?.personalDataErased ? 'rule.ERASED' : null);

/** A re-enrolment or follow-up needs a participant who has left (NOT_EXITED, FOLLOW_UP_BEFORE_EXIT). */
export const afterExit: Availability = ({ caseFile }) => (caseFile?.status === 'ACTIVE' ? 'form.unavailable.active' : null);

/** Completing an activity needs one running, in a spell still open. */
export const whileActivityRuns: Availability = (context) =>
  whileActive(context) ?? (context.caseFile?.activeActivities.length === 0 ? 'form.unavailable.noActivity' : null);

/** Erasing needs personal data not erased yet. */
export const beforeErasure: Availability = ({ caseFile }) => (caseFile?.personalDataErased ? 'erase.already' : null);

/** The rule of each whole-case form (the forms' own `unavailable`); an action absent here is always available. */
export const AVAILABILITY_BY_ACTION: Partial<Record<CaseAction, Availability>> = {
  're-enrol': afterExit,
  coaching: whileActive,
  'start-activity': whileActive,
  'complete-activity': whileActivityRuns,
  referral: whileActive,
  job: whileActive,
  'self-employment': whileActive,
  exit: whileActive,
  'follow-up': afterExit,
  note: whileNotErased,
  'personal-details': whileNotErased,
  erase: beforeErasure,
};

/** Whether an action's form can be used on a case in this state. */
export const isAvailable = (action: CaseAction, caseFile: CaseState): boolean => (AVAILABILITY_BY_ACTION[action]?.({ caseFile }) ?? null) === null;
