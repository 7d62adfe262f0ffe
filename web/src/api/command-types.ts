/** The case file as the command forms read it (schema/schema.graphql, type ParticipantCase). */

/** A milestone's coded values, each field given for the kinds of milestone that have it (null otherwise). */
export interface MilestoneValues {
  occurredOn: string;
  city: string | null;
  programme: string | null;
  birthYear: number | null;
  gender: string | null;
  educationLevel: string | null;
  positionLevel: string | null;
  lastSector: string | null;
  unemployedSince: string | null;
  incomeSupport: string | null;
  mode: string | null;
  durationMinutes: number | null;
  activity: string | null;
  provider: string | null;
  result: string | null;
  partner: string | null;
  contractType: string | null;
  employerType: string | null;
  sector: string | null;
  weeklyHours: number | null;
  form: string | null;
  exitReason: string | null;
  monthsAfterExit: number | null;
  status: string | null;
}

/** A correction or the voiding of a milestone: who, when, why. */
export interface MilestoneAmendment {
  kind: 'CORRECTED' | 'VOIDED';
  sequence: number;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
  changedFields: string[];
}

/** One milestone of the timeline, voided ones included. */
export interface TimelineMilestone {
  sequence: number;
  kind: string;
  occurredOn: string;
  recordedAt: string;
  recordedBy: string;
  summary: string;
  voided: boolean;
  corrected: boolean;
  values: MilestoneValues;
  amendments: MilestoneAmendment[];
}

/** An adviser's note that belongs to no milestone (its text is not read by the forms). */
export interface CaseNoteEntry {
  sequence: number;
  writtenOn: string;
  recordedAt: string;
  recordedBy: string;
}

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
  /** Asked for only by the forms that show them (`CommandFormSpec.readsPersonal`); null once erased. */
  personal?: { fullName: string; email: string | null; phone: string | null } | null;
}
