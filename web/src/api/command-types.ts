/** The case file as the command forms read it (schema/schema.graphql, type ParticipantCase). */
import type { CaseNote, Milestone, MilestoneAmendment, PersonalDetails } from './case-types';

/** One milestone of the timeline as the forms read it, voided ones included: without its note, nor its amendments' reasons (each would be decrypted for nothing). */
export type TimelineMilestone = Omit<Milestone, 'note' | 'original' | 'amendments'> & { amendments: Omit<MilestoneAmendment, 'reason'>[] };

/** An adviser's note that belongs to no milestone (its text is not read by the forms). */
export type CaseNoteEntry = Omit<CaseNote, 'note'>;

/** What a command form needs of a case: its version (sent back as `expectedVersion`), city, state and timeline. */
export interface CaseForForm {
  id: string;
  reference: string;
  version: number;
  city: string;
  programme: string;
  status: 'ACTIVE' | 'EXITED';
  enrolledOn: string;
  exitedOn: string | null;
  exitReason: string | null;
  personalDataErased: boolean;
  activeActivities: string[];
  timeline: TimelineMilestone[];
  notes: CaseNoteEntry[];
  /** Asked for only when the adviser loads them into the personal details' form; null once erased. */
  personal?: PersonalDetails | null;
}
