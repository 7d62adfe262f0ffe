import type { TimelineMilestone } from '../api/command-types';
import type { MessageKey } from '../i18n/messages/en';

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

/** The milestone's sequence in a page's query (`?sequence=3`), or null when it names none. */
export function sequenceOf(search: string): number | null {
  const text = new URLSearchParams(search).get('sequence');
  return text !== null && /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : null;
}
