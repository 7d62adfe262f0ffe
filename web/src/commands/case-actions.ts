import type { MessageKey } from '../i18n/messages/en';

/**
 * What an adviser can record on a case file, each a form at `/cases/:id/:action`: the path's
 * segment, the form's title, and whether it concerns one milestone of the timeline (given as
 * `?sequence=N`). Enrolment is the form at `/cases/new`.
 */
export const CASE_ACTIONS = [
  { action: 're-enrol', label: 'action.reEnrol', perMilestone: false },
  { action: 'coaching', label: 'action.coaching', perMilestone: false },
  { action: 'start-activity', label: 'action.startActivity', perMilestone: false },
  { action: 'complete-activity', label: 'action.completeActivity', perMilestone: false },
  { action: 'referral', label: 'action.referral', perMilestone: false },
  { action: 'job', label: 'action.job', perMilestone: false },
  { action: 'self-employment', label: 'action.selfEmployment', perMilestone: false },
  { action: 'exit', label: 'action.exit', perMilestone: false },
  { action: 'follow-up', label: 'action.followUp', perMilestone: false },
  { action: 'note', label: 'action.note', perMilestone: false },
  { action: 'personal-details', label: 'action.personalDetails', perMilestone: false },
  { action: 'erase', label: 'action.erase', perMilestone: false },
  { action: 'correct', label: 'action.correct', perMilestone: true },
  { action: 'void', label: 'action.void', perMilestone: true },
] as const satisfies readonly { action: string; label: MessageKey; perMilestone: boolean }[];

export type CaseAction = (typeof CASE_ACTIONS)[number]['action'];

/** The path of an action's form for a case, and for one milestone when the action concerns one. */
export const actionPath = (participantId: string, action: CaseAction, sequence?: number): string =>
  `/cases/${encodeURIComponent(participantId)}/${action}${sequence === undefined ? '' : `?sequence=${sequence}`}`;
