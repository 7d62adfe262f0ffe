// The journey's coded values. Each list is the single source for its TypeScript type, the
// GraphQL enum and input validation, so a new value is added in one place.

export const GENDERS = ['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'] as const;
export type Gender = (typeof GENDERS)[number];

export const EDUCATION_LEVELS = ['ISCED_0_2', 'ISCED_3_4', 'ISCED_5_8'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const POSITION_LEVELS = ['EXECUTIVE', 'SENIOR_MANAGER', 'MANAGER', 'PROFESSIONAL'] as const;
export type PositionLevel = (typeof POSITION_LEVELS)[number];

export const INCOME_SUPPORTS = ['MINIMUM_INCOME', 'UNEMPLOYMENT_INSURANCE', 'NONE'] as const;
export type IncomeSupport = (typeof INCOME_SUPPORTS)[number];

export const PARTICIPANT_STATUSES = ['ACTIVE', 'EXITED'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const ACTIVITY_KINDS = [
  'HEALTH_PROGRAMME',
  'IT_TRAINING',
  'VOCATIONAL_TRAINING',
  'JOB_CLUB',
  'PRE_INCUBATION',
  'INCUBATION',
  'THIRD_SECTOR_REORIENTATION',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_RESULTS = ['COMPLETED', 'ABANDONED'] as const;
export type ActivityResult = (typeof ACTIVITY_RESULTS)[number];

export const COACHING_MODES = ['INDIVIDUAL', 'GROUP'] as const;
export type CoachingMode = (typeof COACHING_MODES)[number];

export const CONTRACT_TYPES = [
  'PERMANENT',
  'FIXED_TERM_6_MONTHS_OR_MORE',
  'FIXED_TERM_UNDER_6_MONTHS',
  'TEMPORARY_AGENCY',
  'TIME_SHARE',
  'SUBSIDISED',
  'CIVIL_SERVICE',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const EMPLOYER_TYPES = ['SME', 'LARGE_COMPANY', 'PUBLIC_SECTOR', 'THIRD_SECTOR', 'EMPLOYER_GROUP'] as const;
export type EmployerType = (typeof EMPLOYER_TYPES)[number];

export const SELF_EMPLOYMENT_FORMS = [
  'SOLE_PROPRIETOR',
  'COMPANY',
  'WAGE_PORTAGE',
  'EMPLOYMENT_COOPERATIVE',
  'FREELANCE',
] as const;
export type SelfEmploymentForm = (typeof SELF_EMPLOYMENT_FORMS)[number];

export const EXIT_REASONS = [
  'EMPLOYMENT',
  'SELF_EMPLOYMENT',
  'TRAINING',
  'RETIREMENT',
  'HEALTH',
  'RELOCATION',
  'DROPPED_OUT',
  'END_OF_PROGRAMME',
  'OTHER',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const OUTCOME_CLASSES = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

export const FOLLOW_UP_STATUSES = ['EMPLOYED', 'SELF_EMPLOYED', 'IN_TRAINING', 'UNEMPLOYED', 'RETIRED', 'UNKNOWN'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const MILESTONE_KINDS = [
  'ENROLLED',
  'COACHING_SESSION',
  'ACTIVITY_STARTED',
  'ACTIVITY_COMPLETED',
  'REFERRED',
  'JOB_STARTED',
  'SELF_EMPLOYMENT_STARTED',
  'EXITED',
  'FOLLOW_UP',
  'RE_ENROLLED',
  'PERSONAL_DATA_ERASED',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** NACE Rev. 2 sections. */
export const NACE_SECTION = /^[A-U]$/;

/** ISO-8601 calendar date, the business dates of the journey ('2007-05-14'). */
export type CalendarDate = string;
