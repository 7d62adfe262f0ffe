import { randomUUID } from 'node:crypto';

/** Every field of a case, as the end-to-end tests read it. */
export const CASE_FIELDS = `
  id version city programme status enrolledOn firstEnrolledOn exitedOn exitReason outcome
  profile { birthYear gender educationLevel positionLevel lastSector unemployedSince incomeSupport }
  personal { fullName email phone }
  personalDataErased activeActivities
  timeline { sequence kind occurredOn recordedAt recordedBy summary note }
`;

const INPUT_TYPES = {
  enrolParticipant: 'EnrolParticipantInput',
  recordCoachingSession: 'RecordCoachingSessionInput',
  startActivity: 'StartActivityInput',
  completeActivity: 'CompleteActivityInput',
  referToPartner: 'ReferToPartnerInput',
  recordJobStart: 'RecordJobStartInput',
  recordSelfEmployment: 'RecordSelfEmploymentInput',
  recordExit: 'RecordExitInput',
  recordFollowUp: 'RecordFollowUpInput',
  reEnrolParticipant: 'ReEnrolParticipantInput',
  erasePersonalData: 'ErasePersonalDataInput',
} as const;

export type JourneyMutation = keyof typeof INPUT_TYPES;

/** Mutations that amend a case rather than add a step to its journey. */
const AMENDING_INPUT_TYPES = {
  correctMilestone: 'CorrectMilestoneInput',
  voidMilestone: 'VoidMilestoneInput',
  updatePersonalDetails: 'UpdatePersonalDetailsInput',
  addNote: 'AddNoteInput',
} as const;

export type AmendingMutation = keyof typeof AMENDING_INPUT_TYPES;

const EVERY_INPUT_TYPE = { ...INPUT_TYPES, ...AMENDING_INPUT_TYPES };

/** The document of any mutation of a case taking `$input` and answering those `fields` of the case. */
export const caseMutation = (name: JourneyMutation | AmendingMutation, fields: string): string =>
  `mutation ($input: ${EVERY_INPUT_TYPE[name]}!) { ${name}(input: $input) { ${fields} } }`;

/** The document of a mutation taking `$input` and answering the whole case. */
export const mutation = (name: JourneyMutation): string => caseMutation(name, CASE_FIELDS);

export const PARTICIPANT_QUERY = `query ($id: ID!) { participant(id: $id) { ${CASE_FIELDS} } }`;

export const PERSON = { fullName: 'Hélène Marchetti-Duval', email: 'helene.marchetti@example.org', phone: '+33 1 45 67 89 10' };

/** A valid enrolment in Paris's GATP group; override what a test is about. */
export const enrolmentInput = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  participantId: randomUUID(),
  city: 'paris',
  programme: 'paris-gatp',
  enrolledOn: '2007-03-12',
  birthYear: 1953,
  gender: 'FEMALE',
  educationLevel: 'ISCED_5_8',
  positionLevel: 'SENIOR_MANAGER',
  lastSector: 'K',
  unemployedSince: '2006-09-01',
  incomeSupport: 'UNEMPLOYMENT_INSURANCE',
  personal: PERSON,
  note: 'Former head of treasury at a regional bank; wants a time-share position.',
  ...overrides,
});
