import type { CaseForForm, TimelineMilestone } from '../api/command-types';

/**
 * The current spell of a case as the journey's rules read it (src/journey/domain/state.ts): the
 * milestones in force (not voided) since the latest enrolment or re-enrolment, in the order
 * recorded, the spell's start included.
 */
export function currentSpell(caseFile: CaseForForm): TimelineMilestone[] {
  const inForce = caseFile.timeline.filter((m) => !m.voided);
  const start = inForce.findLastIndex((m) => m.kind === 'ENROLLED' || m.kind === 'RE_ENROLLED');
  return start < 0 ? [] : inForce.slice(start);
}

/** Milestones that date the spell's last step: its start and what happens during it (not an exit, follow-up or erasure). */
const STEPS_OF_SPELL = new Set(['ENROLLED', 'RE_ENROLLED', 'COACHING_SESSION', 'ACTIVITY_STARTED', 'ACTIVITY_COMPLETED', 'REFERRED', 'JOB_STARTED', 'SELF_EMPLOYMENT_STARTED']);

/** The latest date of a step of the spell: an exit may not be dated before it (DATE_BEFORE_LAST_MILESTONE). */
export function lastStepOn(caseFile: CaseForForm): string | null {
  const dates = currentSpell(caseFile)
    .filter((m) => STEPS_OF_SPELL.has(m.kind))
    .map((m) => m.occurredOn);
  return dates.length === 0 ? null : dates.reduce((a, b) => (b > a ? b : a));
}

/** Whether the spell has a milestone of a kind (a job, for an exit for employment: EXIT_WITHOUT_OUTCOME). */
export const spellHas = (caseFile: CaseForForm, kind: string): boolean => currentSpell(caseFile).some((m) => m.kind === kind);

/** When a running activity started: its latest start in the spell (DATE_BEFORE_ACTIVITY_START). */
export function activityStartedOn(caseFile: CaseForForm, activity: string): string | null {
  const started = currentSpell(caseFile).filter((m) => m.kind === 'ACTIVITY_STARTED' && m.values.activity === activity);
  return started.at(-1)?.occurredOn ?? null;
}
