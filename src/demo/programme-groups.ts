// The "Senior competence" programme as the demo run plays it: each city's groups, who joined them,
// what happened to them, and what each programme does along the way (docs/operations.md and docs/outcomes.md).
import type { JobStarted } from '../journey/domain/events';
import type {
  ActivityKind,
  ContractType,
  EducationLevel,
  EmployerType,
  IncomeSupport,
  PositionLevel,
  SelfEmploymentForm,
} from '../journey/domain/vocabulary';
import type { DemoCity } from './people';
import type { Random, Weighted } from './prng';

/**
 * How a participant's (latest) spell ends. The order matters: plans are drawn by stratified
 * quantiles in this order, so the groups whose counts make the outcome rates (business creators,
 * positive exits, job holders, negative exits, neutral exits) are contiguous and their counts
 * stay within one of their expected values whatever the seed.
 */
export const PLANS = [
  'SELF_ACTIVE', // self-employed, still followed (incubation running)
  'SELF', // self-employed, exit SELF_EMPLOYMENT
  'TRAINING', // exit TRAINING
  'JOB', // job, exit EMPLOYMENT
  'JOB_ACTIVE', // job started recently, exit not yet recorded (trial period)
  'SHORT_JOB', // a short job, then exit at the end of the programme or for another reason
  'DROPPED_OUT',
  'END_OF_PROGRAMME',
  'OTHER',
  'RETIREMENT',
  'HEALTH',
  'RELOCATION',
  'ACTIVE', // still searching at the end of 2008
] as const;
export type Plan = (typeof PLANS)[number];

export interface ActivitySpec {
  kind: ActivityKind;
  provider: string | null;
  /** Chance that a participant on a given plan takes part. */
  chance: (plan: Plan) => number;
  /** Start, as a fraction of the search window, or right after another activity ends. */
  start: readonly [number, number] | { after: ActivityKind; gapDays: readonly [number, number] };
  /** End, as a fraction of the search window, or on the exit day. */
  end: readonly [number, number] | 'exit';
  completionRate: number;
}

export interface ReferralSpec {
  partner: string;
  chance: (plan: Plan) => number;
  /** When, as a fraction of the search window. */
  at: readonly [number, number];
}

export interface CoachingSpec {
  everyDays: readonly [number, number];
  minutes: readonly number[];
}

export interface ProgrammeFlavour {
  city: DemoCity;
  individual: CoachingSpec;
  group: CoachingSpec | null;
  referrals: readonly ReferralSpec[];
  activities: readonly ActivitySpec[];
  contracts: Weighted<ContractType>;
  employers: Weighted<EmployerType>;
  /** Job sectors other than the participant's own. */
  jobSectors: Weighted<string>;
  fullTimeHours: readonly [number, number];
  forms: Weighted<SelfEmploymentForm>;
  /** Days from self-employment to the exit (support goes on while the business starts). */
  selfEmploymentExitLag: readonly [number, number, number];
  /** Programmes of a re-enrolment (null: the same). */
  reEnrolInto: Weighted<string | null>;
  trainingPartner: string | null;
}

export interface GroupSpec {
  programme: string;
  city: DemoCity;
  /** Participants at scale 1. */
  size: number;
  plans: Partial<Record<Plan, number>>;
  femaleShare: number;
  education: Weighted<EducationLevel>;
  positions: Weighted<PositionLevel>;
  incomeSupport: Weighted<IncomeSupport>;
  /** Months unemployed before entry: triangular min, mode, max. */
  unemployedMonths: readonly [number, number, number];
  reEnrolmentRate: number;
  /** Enrolment day for a plan, or null for the city's usual spread. */
  enrolment: ((rng: Random, plan: Plan) => string) | null;
}

const always = () => 1;
const sometimes = (p: number) => () => p;
const onPlans =
  (p: number, plans: readonly Plan[], otherwise = 0) =>
  (plan: Plan) =>
    plans.includes(plan) ? p : otherwise;

const SELF_PLANS: readonly Plan[] = ['SELF', 'SELF_ACTIVE'];

export const SECTORS: Record<DemoCity, Weighted<string>> = {
  paris: [
    ['C', 12], ['G', 12], ['K', 11], ['J', 9], ['M', 15], ['N', 7], ['H', 5], ['F', 4], ['L', 4], ['I', 3],
    ['O', 4], ['P', 3], ['Q', 4], ['R', 2], ['S', 3], ['D', 1], ['E', 1],
  ],
  frankfurt: [
    ['C', 16], ['G', 10], ['K', 17], ['J', 8], ['M', 12], ['N', 7], ['H', 8], ['F', 5], ['L', 3], ['I', 2],
    ['O', 4], ['P', 2], ['Q', 3], ['S', 2], ['D', 1],
  ],
  stockholm: [
    ['C', 12], ['G', 10], ['K', 6], ['J', 16], ['M', 13], ['N', 7], ['H', 6], ['F', 4], ['L', 3], ['I', 3],
    ['O', 6], ['P', 5], ['Q', 6], ['R', 2], ['S', 2], ['A', 1], ['B', 1],
  ],
};

const SENIOR_EDUCATION: Weighted<EducationLevel> = [['ISCED_5_8', 68], ['ISCED_3_4', 27], ['ISCED_0_2', 5]];
const SENIOR_POSITIONS: Weighted<PositionLevel> = [['EXECUTIVE', 14], ['SENIOR_MANAGER', 26], ['MANAGER', 36], ['PROFESSIONAL', 24]];

const parisJobSectors: Weighted<string> = [['M', 4], ['G', 3], ['N', 3], ['C', 2], ['K', 2], ['Q', 2], ['P', 1], ['O', 1], ['S', 1]];

const PARIS_ACTIVITIES_OF_ANYONE: readonly ActivitySpec[] = [
  {
    kind: 'HEALTH_PROGRAMME',
    provider: null,
    chance: onPlans(0.5, ['HEALTH'], 0.04),
    start: [0, 0.3],
    end: [0.3, 0.7],
    completionRate: 0.7,
  },
];

export const FLAVOURS: Record<string, ProgrammeFlavour> = {
  'paris-gatp': {
    city: 'paris',
    individual: { everyDays: [21, 56], minutes: [45, 60, 60, 90] },
    group: { everyDays: [14, 28], minutes: [120, 150, 180, 180] },
    referrals: [
      { partner: 'anpe-gare-de-lyon', chance: sometimes(0.6), at: [0, 0.2] },
      { partner: 'ffge', chance: sometimes(0.35), at: [0.1, 0.7] },
      { partner: 'cgpme-75', chance: sometimes(0.25), at: [0.2, 0.8] },
      { partner: 'cfdt-cadres', chance: sometimes(0.15), at: [0.1, 0.9] },
      { partner: 'carrefours-emploi', chance: sometimes(0.2), at: [0.2, 0.9] },
      { partner: 'astrolabe-conseil', chance: onPlans(0.7, SELF_PLANS, 0.1), at: [0.2, 0.7] },
    ],
    activities: [
      {
        kind: 'JOB_CLUB',
        provider: 'anpe-gare-de-lyon',
        chance: sometimes(0.7),
        start: [0, 0.15],
        end: [0.4, 0.9],
        completionRate: 0.8,
      },
      {
        kind: 'VOCATIONAL_TRAINING',
        provider: 'astrolabe-conseil',
        chance: onPlans(0.8, ['TRAINING'], 0.15),
        start: [0.2, 0.6],
        end: [0.6, 0.95],
        completionRate: 0.8,
      },
      ...PARIS_ACTIVITIES_OF_ANYONE,
    ],
    contracts: [
      ['TIME_SHARE', 38], ['PERMANENT', 24], ['FIXED_TERM_6_MONTHS_OR_MORE', 15], ['FIXED_TERM_UNDER_6_MONTHS', 8],
      ['TEMPORARY_AGENCY', 7], ['SUBSIDISED', 4], ['CIVIL_SERVICE', 4],
    ],
    employers: [['SME', 50], ['LARGE_COMPANY', 33], ['PUBLIC_SECTOR', 8], ['THIRD_SECTOR', 4], ['EMPLOYER_GROUP', 5]],
    jobSectors: parisJobSectors,
    fullTimeHours: [35, 39],
    forms: [['WAGE_PORTAGE', 35], ['SOLE_PROPRIETOR', 22], ['COMPANY', 23], ['EMPLOYMENT_COOPERATIVE', 10], ['FREELANCE', 10]],
    selfEmploymentExitLag: [0, 20, 90],
    reEnrolInto: [[null, 4], ['paris-tiers-secteur', 3], ['paris-gatp', 1]],
    trainingPartner: 'carrefours-emploi',
  },
  'paris-rmi': {
    city: 'paris',
    individual: { everyDays: [12, 30], minutes: [45, 60, 60, 75, 90] },
    group: { everyDays: [28, 56], minutes: [90, 120] },
    referrals: [
      { partner: 'ddee', chance: always, at: [0, 0.05] },
      { partner: 'anpe-gare-de-lyon', chance: sometimes(0.4), at: [0.05, 0.5] },
      { partner: 'carrefours-emploi', chance: sometimes(0.35), at: [0.1, 0.8] },
      { partner: 'cgpme-75', chance: sometimes(0.2), at: [0.2, 0.8] },
      { partner: 'ffge', chance: sometimes(0.1), at: [0.2, 0.8] },
      { partner: 'emmaus-france', chance: sometimes(0.08), at: [0.1, 0.8] },
    ],
    activities: [
      {
        kind: 'JOB_CLUB',
        provider: 'carrefours-emploi',
        chance: sometimes(0.45),
        start: [0, 0.3],
        end: [0.3, 0.8],
        completionRate: 0.7,
      },
      {
        kind: 'VOCATIONAL_TRAINING',
        provider: null,
        chance: onPlans(0.85, ['TRAINING'], 0.3),
        start: [0.15, 0.5],
        end: [0.5, 0.95],
        completionRate: 0.75,
      },
      {
        kind: 'IT_TRAINING',
        provider: null,
        chance: sometimes(0.12),
        start: [0.05, 0.4],
        end: [0.3, 0.7],
        completionRate: 0.75,
      },
      ...PARIS_ACTIVITIES_OF_ANYONE,
    ],
    contracts: [
      ['SUBSIDISED', 25], ['PERMANENT', 19], ['FIXED_TERM_6_MONTHS_OR_MORE', 17], ['FIXED_TERM_UNDER_6_MONTHS', 13],
      ['TEMPORARY_AGENCY', 13], ['CIVIL_SERVICE', 7], ['TIME_SHARE', 6],
    ],
    employers: [['SME', 45], ['LARGE_COMPANY', 15], ['PUBLIC_SECTOR', 20], ['THIRD_SECTOR', 15], ['EMPLOYER_GROUP', 5]],
    jobSectors: parisJobSectors,
    fullTimeHours: [35, 39],
    forms: [['SOLE_PROPRIETOR', 40], ['EMPLOYMENT_COOPERATIVE', 25], ['WAGE_PORTAGE', 20], ['COMPANY', 5], ['FREELANCE', 10]],
    selfEmploymentExitLag: [0, 20, 90],
    reEnrolInto: [[null, 3], ['paris-rmi', 1]],
    trainingPartner: 'anpe-gare-de-lyon',
  },
  'paris-pionnieres': {
    city: 'paris',
    individual: { everyDays: [21, 42], minutes: [60, 60, 90] },
    group: { everyDays: [21, 35], minutes: [120, 150, 180] },
    referrals: [
      { partner: 'paris-pionnieres', chance: always, at: [0, 0.03] },
      { partner: 'astrolabe-conseil', chance: sometimes(0.3), at: [0.3, 0.8] },
      { partner: 'cgpme-75', chance: sometimes(0.3), at: [0.4, 0.9] },
    ],
    activities: [
      {
        kind: 'PRE_INCUBATION',
        provider: 'paris-pionnieres',
        chance: always,
        start: [0.01, 0.08],
        end: [0.3, 0.45],
        completionRate: 0.92,
      },
      {
        kind: 'INCUBATION',
        provider: 'paris-pionnieres',
        chance: onPlans(1, SELF_PLANS, 0.5),
        start: { after: 'PRE_INCUBATION', gapDays: [0, 21] },
        end: 'exit',
        completionRate: 0.9,
      },
    ],
    contracts: [['PERMANENT', 3], ['FIXED_TERM_6_MONTHS_OR_MORE', 2], ['TIME_SHARE', 2], ['SUBSIDISED', 1]],
    employers: [['SME', 6], ['LARGE_COMPANY', 2], ['THIRD_SECTOR', 1]],
    jobSectors: parisJobSectors,
    fullTimeHours: [35, 39],
    forms: [['COMPANY', 35], ['SOLE_PROPRIETOR', 35], ['EMPLOYMENT_COOPERATIVE', 15], ['WAGE_PORTAGE', 10], ['FREELANCE', 5]],
    selfEmploymentExitLag: [30, 90, 150],
    reEnrolInto: [[null, 1]],
    trainingPartner: null,
  },
  'paris-tiers-secteur': {
    city: 'paris',
    individual: { everyDays: [21, 42], minutes: [45, 60, 90] },
    group: { everyDays: [28, 42], minutes: [120, 180] },
    referrals: [
      { partner: 'emmaus-france', chance: always, at: [0, 0.1] },
      { partner: 'carrefours-emploi', chance: sometimes(0.3), at: [0.2, 0.8] },
      { partner: 'cfdt-cadres', chance: sometimes(0.1), at: [0.2, 0.8] },
    ],
    activities: [
      {
        kind: 'THIRD_SECTOR_REORIENTATION',
        provider: 'emmaus-france',
        chance: sometimes(0.95),
        start: [0.03, 0.2],
        end: [0.5, 0.9],
        completionRate: 0.85,
      },
      {
        kind: 'VOCATIONAL_TRAINING',
        provider: null,
        chance: onPlans(0.8, ['TRAINING'], 0.12),
        start: [0.3, 0.6],
        end: [0.6, 0.95],
        completionRate: 0.8,
      },
    ],
    contracts: [['SUBSIDISED', 30], ['PERMANENT', 28], ['FIXED_TERM_6_MONTHS_OR_MORE', 24], ['FIXED_TERM_UNDER_6_MONTHS', 10], ['TIME_SHARE', 8]],
    employers: [['THIRD_SECTOR', 85], ['PUBLIC_SECTOR', 8], ['SME', 7]],
    jobSectors: [['Q', 5], ['S', 4], ['P', 2], ['N', 1]],
    fullTimeHours: [35, 35],
    forms: [['EMPLOYMENT_COOPERATIVE', 50], ['SOLE_PROPRIETOR', 30], ['WAGE_PORTAGE', 20]],
    selfEmploymentExitLag: [0, 20, 60],
    reEnrolInto: [[null, 2], ['paris-gatp', 1]],
    trainingPartner: 'emmaus-france',
  },
  'frankfurt-test-group': {
    city: 'frankfurt',
    individual: { everyDays: [21, 49], minutes: [30, 45, 60, 60, 90] },
    group: { everyDays: [21, 42], minutes: [90, 120, 180] },
    referrals: [
      { partner: 'agentur-fuer-arbeit', chance: always, at: [0, 0.03] },
      { partner: 'ggfb', chance: sometimes(0.3), at: [0.1, 0.6] },
      { partner: 'swa', chance: sometimes(0.3), at: [0.1, 0.7] },
      { partner: 'zfw', chance: sometimes(0.25), at: [0.1, 0.7] },
      { partner: 'kompass', chance: onPlans(0.9, SELF_PLANS, 0.05), at: [0.1, 0.5] },
    ],
    activities: [
      {
        kind: 'VOCATIONAL_TRAINING',
        provider: 'ggfb',
        chance: onPlans(0.9, ['TRAINING'], 0.35),
        start: [0.1, 0.4],
        end: [0.5, 0.9],
        completionRate: 0.8,
      },
      {
        kind: 'IT_TRAINING',
        provider: 'zfw',
        chance: sometimes(0.25),
        start: [0.05, 0.4],
        end: [0.3, 0.7],
        completionRate: 0.85,
      },
      {
        kind: 'JOB_CLUB',
        provider: 'swa',
        chance: sometimes(0.3),
        start: [0, 0.2],
        end: [0.3, 0.8],
        completionRate: 0.75,
      },
      {
        kind: 'HEALTH_PROGRAMME',
        provider: null,
        chance: onPlans(0.5, ['HEALTH'], 0.05),
        start: [0, 0.3],
        end: [0.3, 0.7],
        completionRate: 0.7,
      },
    ],
    contracts: [
      ['PERMANENT', 30], ['FIXED_TERM_6_MONTHS_OR_MORE', 20], ['FIXED_TERM_UNDER_6_MONTHS', 10], ['TEMPORARY_AGENCY', 17],
      ['SUBSIDISED', 13], ['CIVIL_SERVICE', 5], ['TIME_SHARE', 5],
    ],
    employers: [['SME', 52], ['LARGE_COMPANY', 30], ['PUBLIC_SECTOR', 12], ['THIRD_SECTOR', 4], ['EMPLOYER_GROUP', 2]],
    jobSectors: [['M', 4], ['K', 3], ['C', 3], ['G', 2], ['N', 3], ['H', 2], ['Q', 1]],
    fullTimeHours: [38, 40],
    forms: [['FREELANCE', 40], ['SOLE_PROPRIETOR', 35], ['COMPANY', 25]],
    selfEmploymentExitLag: [0, 30, 90],
    reEnrolInto: [[null, 3], ['frankfurt-kompass', 2]],
    trainingPartner: 'ggfb',
  },
  'frankfurt-kompass': {
    city: 'frankfurt',
    individual: { everyDays: [21, 42], minutes: [45, 60, 90] },
    group: { everyDays: [14, 35], minutes: [120, 180] },
    referrals: [
      { partner: 'kompass', chance: always, at: [0, 0.05] },
      { partner: 'agentur-fuer-arbeit', chance: sometimes(0.6), at: [0.05, 0.6] },
      { partner: 'ggfb', chance: sometimes(0.1), at: [0.1, 0.7] },
    ],
    activities: [
      {
        kind: 'PRE_INCUBATION',
        provider: 'kompass',
        chance: sometimes(0.8),
        start: [0.02, 0.15],
        end: [0.2, 0.45],
        completionRate: 0.85,
      },
      {
        kind: 'INCUBATION',
        provider: 'kompass',
        chance: onPlans(0.5, SELF_PLANS, 0.1),
        start: { after: 'PRE_INCUBATION', gapDays: [0, 30] },
        end: 'exit',
        completionRate: 0.85,
      },
      {
        kind: 'VOCATIONAL_TRAINING',
        provider: 'ggfb',
        chance: onPlans(0.8, ['TRAINING'], 0.08),
        start: [0.2, 0.5],
        end: [0.5, 0.9],
        completionRate: 0.8,
      },
    ],
    contracts: [['PERMANENT', 30], ['FIXED_TERM_6_MONTHS_OR_MORE', 25], ['FIXED_TERM_UNDER_6_MONTHS', 15], ['TEMPORARY_AGENCY', 15], ['SUBSIDISED', 15]],
    employers: [['SME', 70], ['LARGE_COMPANY', 20], ['PUBLIC_SECTOR', 10]],
    jobSectors: [['M', 4], ['K', 2], ['G', 2], ['J', 2]],
    fullTimeHours: [38, 40],
    forms: [['FREELANCE', 40], ['SOLE_PROPRIETOR', 38], ['COMPANY', 22]],
    selfEmploymentExitLag: [14, 60, 150],
    reEnrolInto: [[null, 2], ['frankfurt-test-group', 1]],
    trainingPartner: 'ggfb',
  },
  'stockholm-test-group': {
    city: 'stockholm',
    individual: { everyDays: [14, 42], minutes: [30, 45, 60, 60, 90] },
    group: { everyDays: [14, 28], minutes: [90, 120, 150] },
    referrals: [{ partner: 'jobbtorg-stockholm', chance: always, at: [0, 0.05] }],
    activities: [
      {
        kind: 'HEALTH_PROGRAMME',
        provider: 'jobbtorg-stockholm',
        chance: onPlans(0.9, ['HEALTH'], 0.55),
        start: [0, 0.15],
        end: [0.25, 0.5],
        completionRate: 0.85,
      },
      {
        kind: 'IT_TRAINING',
        provider: 'jobbtorg-stockholm',
        chance: sometimes(0.5),
        start: [0.2, 0.5],
        end: [0.5, 0.85],
        completionRate: 0.85,
      },
      {
        kind: 'JOB_CLUB',
        provider: 'jobbtorg-stockholm',
        chance: sometimes(0.2),
        start: [0.3, 0.6],
        end: [0.6, 0.95],
        completionRate: 0.8,
      },
      {
        kind: 'VOCATIONAL_TRAINING',
        provider: null,
        chance: onPlans(0.85, ['TRAINING'], 0.08),
        start: [0.3, 0.6],
        end: [0.6, 0.95],
        completionRate: 0.8,
      },
    ],
    contracts: [
      ['PERMANENT', 30], ['FIXED_TERM_6_MONTHS_OR_MORE', 17], ['FIXED_TERM_UNDER_6_MONTHS', 10], ['SUBSIDISED', 20],
      ['TEMPORARY_AGENCY', 10], ['CIVIL_SERVICE', 6], ['TIME_SHARE', 7],
    ],
    employers: [['SME', 40], ['LARGE_COMPANY', 25], ['PUBLIC_SECTOR', 28], ['THIRD_SECTOR', 5], ['EMPLOYER_GROUP', 2]],
    jobSectors: [['J', 4], ['O', 3], ['Q', 3], ['M', 3], ['P', 2], ['N', 2], ['G', 2]],
    fullTimeHours: [40, 40],
    forms: [['SOLE_PROPRIETOR', 50], ['COMPANY', 35], ['FREELANCE', 15]],
    selfEmploymentExitLag: [0, 30, 90],
    reEnrolInto: [[null, 1]],
    trainingPartner: 'jobbtorg-stockholm',
  },
};

/** Pionnières started in cohorts: two in 2007, one in spring 2008 whose creators were still followed. */
function pionnieresCohort(rng: Random, plan: Plan): string {
  if (plan === 'SELF_ACTIVE' || plan === 'ACTIVE') return `2008-03-${String(rng.int(3, 28)).padStart(2, '0')}`;
  return rng.chance(0.5) ? `2007-01-${String(rng.int(15, 31)).padStart(2, '0')}` : `2007-09-${String(rng.int(3, 28)).padStart(2, '0')}`;
}

export const GROUPS: readonly GroupSpec[] = [
  {
    programme: 'paris-gatp',
    city: 'paris',
    size: 40,
    plans: {
      SELF: 0.07, TRAINING: 0.03, JOB: 0.37, JOB_ACTIVE: 0.03, SHORT_JOB: 0.04, DROPPED_OUT: 0.08, END_OF_PROGRAMME: 0.14,
      OTHER: 0.04, RETIREMENT: 0.05, HEALTH: 0.02, RELOCATION: 0.02, ACTIVE: 0.11,
    },
    femaleShare: 0.36,
    education: SENIOR_EDUCATION,
    positions: SENIOR_POSITIONS,
    incomeSupport: [['UNEMPLOYMENT_INSURANCE', 84], ['MINIMUM_INCOME', 4], ['NONE', 12]],
    unemployedMonths: [1, 7, 30],
    reEnrolmentRate: 0.06,
    enrolment: null,
  },
  {
    programme: 'paris-rmi',
    city: 'paris',
    size: 100,
    plans: {
      SELF: 0.04, TRAINING: 0.05, JOB: 0.36, JOB_ACTIVE: 0.05, SHORT_JOB: 0.08, DROPPED_OUT: 0.11, END_OF_PROGRAMME: 0.1,
      OTHER: 0.05, RETIREMENT: 0.03, HEALTH: 0.05, RELOCATION: 0.01, ACTIVE: 0.07,
    },
    femaleShare: 0.44,
    education: [['ISCED_5_8', 48], ['ISCED_3_4', 40], ['ISCED_0_2', 12]],
    positions: [['EXECUTIVE', 6], ['SENIOR_MANAGER', 16], ['MANAGER', 38], ['PROFESSIONAL', 40]],
    incomeSupport: [['MINIMUM_INCOME', 1]],
    unemployedMonths: [8, 24, 72],
    reEnrolmentRate: 0.06,
    enrolment: null,
  },
  {
    programme: 'paris-pionnieres',
    city: 'paris',
    size: 12,
    plans: { SELF_ACTIVE: 0.1, SELF: 0.7, JOB: 0.08, DROPPED_OUT: 0.04, END_OF_PROGRAMME: 0.04, HEALTH: 0.04 },
    femaleShare: 1,
    education: [['ISCED_5_8', 80], ['ISCED_3_4', 20]],
    positions: SENIOR_POSITIONS,
    incomeSupport: [['UNEMPLOYMENT_INSURANCE', 80], ['MINIMUM_INCOME', 5], ['NONE', 15]],
    unemployedMonths: [1, 6, 24],
    reEnrolmentRate: 0,
    enrolment: pionnieresCohort,
  },
  {
    programme: 'paris-tiers-secteur',
    city: 'paris',
    size: 15,
    plans: {
      SELF: 0.03, TRAINING: 0.06, JOB: 0.42, DROPPED_OUT: 0.08, END_OF_PROGRAMME: 0.12, OTHER: 0.05, RETIREMENT: 0.06,
      RELOCATION: 0.03, ACTIVE: 0.15,
    },
    femaleShare: 0.5,
    education: SENIOR_EDUCATION,
    positions: SENIOR_POSITIONS,
    incomeSupport: [['UNEMPLOYMENT_INSURANCE', 75], ['MINIMUM_INCOME', 10], ['NONE', 15]],
    unemployedMonths: [2, 10, 36],
    reEnrolmentRate: 0.05,
    enrolment: null,
  },
  {
    programme: 'frankfurt-test-group',
    city: 'frankfurt',
    size: 60,
    plans: {
      SELF: 0.05, TRAINING: 0.06, JOB: 0.36, JOB_ACTIVE: 0.03, SHORT_JOB: 0.04, DROPPED_OUT: 0.07, END_OF_PROGRAMME: 0.14,
      OTHER: 0.03, RETIREMENT: 0.05, HEALTH: 0.03, RELOCATION: 0.02, ACTIVE: 0.12,
    },
    femaleShare: 0.3,
    education: [['ISCED_5_8', 55], ['ISCED_3_4', 40], ['ISCED_0_2', 5]],
    positions: SENIOR_POSITIONS,
    incomeSupport: [['UNEMPLOYMENT_INSURANCE', 64], ['MINIMUM_INCOME', 26], ['NONE', 10]],
    unemployedMonths: [1, 10, 36],
    reEnrolmentRate: 0.06,
    enrolment: null,
  },
  {
    programme: 'frankfurt-kompass',
    city: 'frankfurt',
    size: 25,
    plans: {
      SELF_ACTIVE: 0.08, SELF: 0.44, JOB: 0.1, DROPPED_OUT: 0.08, END_OF_PROGRAMME: 0.12, OTHER: 0.04, RETIREMENT: 0.04,
      ACTIVE: 0.1,
    },
    femaleShare: 0.34,
    education: [['ISCED_5_8', 62], ['ISCED_3_4', 35], ['ISCED_0_2', 3]],
    positions: [['EXECUTIVE', 18], ['SENIOR_MANAGER', 30], ['MANAGER', 32], ['PROFESSIONAL', 20]],
    incomeSupport: [['UNEMPLOYMENT_INSURANCE', 75], ['MINIMUM_INCOME', 12], ['NONE', 13]],
    unemployedMonths: [1, 6, 24],
    reEnrolmentRate: 0.04,
    enrolment: null,
  },
  {
    programme: 'stockholm-test-group',
    city: 'stockholm',
    size: 70,
    plans: {
      SELF: 0.04, TRAINING: 0.07, JOB: 0.32, JOB_ACTIVE: 0.03, SHORT_JOB: 0.05, DROPPED_OUT: 0.07, END_OF_PROGRAMME: 0.15,
      OTHER: 0.04, RETIREMENT: 0.04, HEALTH: 0.06, RELOCATION: 0.02, ACTIVE: 0.11,
    },
    femaleShare: 0.46,
    education: [['ISCED_5_8', 60], ['ISCED_3_4', 35], ['ISCED_0_2', 5]],
    positions: SENIOR_POSITIONS,
    incomeSupport: [['UNEMPLOYMENT_INSURANCE', 78], ['MINIMUM_INCOME', 9], ['NONE', 13]],
    unemployedMonths: [2, 12, 40],
    reEnrolmentRate: 0.06,
    enrolment: null,
  },
];

export type JobData = Pick<JobStarted['data'], 'contractType' | 'employerType' | 'sector' | 'weeklyHours'>;
