import type { CaseForForm, TimelineMilestone } from '../api/command-types';
import type { MessageKey } from '../i18n/messages/en';
import type { CommandFormSpec } from './form-spec';
import { milestoneDescription } from './recorded-values';

/**
 * The milestone of `?sequence=N` a correction or void is about, or why neither may be asked, as
 * the service would refuse it (src/journey/domain/corrections.ts): no such milestone, an erasure
 * (no step of the journey), one already voided, or, for a void, the enrolment (corrected instead).
 */
export function amendableMilestone<M extends Pick<TimelineMilestone, 'sequence' | 'kind' | 'voided'>>(
  timeline: readonly M[],
  sequence: number,
  action: 'correct' | 'void',
): { milestone: M; refusal: null } | { milestone: null; refusal: MessageKey } {
  const milestone = timeline.find((m) => m.sequence === sequence);
  const refused = (refusal: MessageKey) => ({ milestone: null, refusal });
  if (!milestone) return refused('amend.noSuchMilestone');
  if (milestone.kind === 'PERSONAL_DATA_ERASED') return refused('amend.erasure');
  if (milestone.voided) return refused('amend.voided');
  if (action === 'void' && milestone.kind === 'ENROLLED') return refused('amend.enrolmentNotVoidable');
  return { milestone, refusal: null };
}

/** The same of a form's case: no such milestone without one. */
export const amendableIn = (caseFile: Pick<CaseForForm, 'timeline'> | null, sequence: number, action: 'correct' | 'void') =>
  caseFile ? amendableMilestone(caseFile.timeline, sequence, action) : { milestone: null, refusal: 'amend.noSuchMilestone' as MessageKey };

/**
 * What the correction's and the void's forms of a milestone share: why it may not be asked
 * instead of the fields, and the milestone said as recorded above them (`correct.milestone`).
 */
export const amendmentOf = (sequence: number, action: 'correct' | 'void'): Pick<CommandFormSpec, 'unavailable' | 'before'> => ({
  unavailable: ({ caseFile }) => amendableIn(caseFile, sequence, action).refusal,
  before: ({ caseFile, tr, city }) => {
    const { milestone } = amendableIn(caseFile, sequence, action);
    return milestone && tr.t(`${action}.milestone`, { milestone: milestoneDescription(tr, city, milestone) });
  },
});

/** The milestone's sequence in a page's query (`?sequence=3`), or null when it names none. */
export function sequenceOf(search: string): number | null {
  const text = new URLSearchParams(search).get('sequence');
  return text !== null && /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : null;
}
