import type { CalendarDate } from '../domain/vocabulary';
import type { MilestoneView } from './participant-case';

/**
 * Whether a milestone tells when the participant was last dealt with: a voided one does not
 * (it never happened), nor an erasure, which the service dates the day it is asked for.
 */
const counts = ({ kind, voided }: Pick<MilestoneView, 'kind' | 'voided'>): boolean => !voided && kind !== 'PERSONAL_DATA_ERASED';

/**
 * The latest of `since` and the dates (as corrected) of the milestones that count: a case's last
 * milestone from its whole timeline and its first enrolment (never voided, so always counting),
 * or from the date known so far and milestones added after it.
 */
export const lastMilestoneOn = (milestones: readonly Pick<MilestoneView, 'kind' | 'occurredOn' | 'voided'>[], since: CalendarDate): CalendarDate =>
  milestones.reduce((latest, m) => (counts(m) && m.occurredOn > latest ? m.occurredOn : latest), since);
