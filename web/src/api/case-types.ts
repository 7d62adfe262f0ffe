/** The API's case files as the advisers' pages read them (schema/schema.graphql, web/src/api/case-documents.ts). */

/** How the case list is sorted (the API's CaseOrder). */
export const CASE_ORDERS = ['RECENTLY_CHANGED', 'FIRST_ENROLMENT', 'REFERENCE'] as const;
export type CaseOrder = (typeof CASE_ORDERS)[number];

/** A participant's status (the API's ParticipantStatus). */
export const PARTICIPANT_STATUSES = ['ACTIVE', 'EXITED'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** A row of the case list. */
export interface CaseListItem {
  id: string;
  reference: string;
  programme: string;
  status: ParticipantStatus;
  firstEnrolledOn: string;
  lastMilestoneOn: string;
  updatedAt: string;
}

export interface CaseListPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: CaseListItem }[];
}

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

/** A correction or the voiding of a milestone. */
export interface MilestoneAmendment {
  sequence: number;
  kind: 'CORRECTED' | 'VOIDED';
  /** Null once the personal data is erased. */
  reason: string | null;
  recordedAt: string;
  recordedBy: string;
}

export interface Milestone {
  sequence: number;
  kind: string;
  occurredOn: string;
  recordedAt: string;
  recordedBy: string;
  note: string | null;
  voided: boolean;
  corrected: boolean;
  values: MilestoneValues;
  original: MilestoneValues | null;
  amendments: MilestoneAmendment[];
}

export interface CaseNote {
  sequence: number;
  writtenOn: string;
  /** Null once the personal data is erased. */
  note: string | null;
  recordedAt: string;
  recordedBy: string;
}

export interface ParticipantProfile {
  birthYear: number;
  gender: string;
  educationLevel: string;
  positionLevel: string;
  lastSector: string;
  unemployedSince: string | null;
  incomeSupport: string;
}

/** A case file as CASE_FILE reads it: without personal details. */
export interface CaseFile {
  id: string;
  reference: string;
  version: number;
  city: string;
  programme: string;
  status: ParticipantStatus;
  outcome: string | null;
  enrolledOn: string;
  firstEnrolledOn: string;
  exitedOn: string | null;
  exitReason: string | null;
  personalDataErased: boolean;
  activeActivities: string[];
  profile: ParticipantProfile;
  timeline: Milestone[];
  notes: CaseNote[];
}

export interface PersonalDetails {
  fullName: string;
  email: string | null;
  phone: string | null;
}
