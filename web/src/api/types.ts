/** The API's types as the app reads them (schema/schema.graphql). */
export interface Programme {
  code: string;
  name: string;
  city: string;
  targets: { positiveExitRate: number | null; jobReturnRate: number | null; businessCreationRate: number | null };
}

export interface City {
  code: string;
  name: string;
  timeZone: string;
  positiveExitTarget: number;
  /** The organisations its advisers refer participants to (a referral step's detail is a partner's code). */
  partners: { code: string; name: string }[];
  programmes: Programme[];
}

export interface Dashboard {
  city: string;
  programme: string | null;
  asOf: string | null;
  suppressed: boolean;
  updatedAt: string;
  /** The log position of the last event in these figures, a decimal integer (beyond a Number's precision): '0' for researchers. */
  lastEventPosition: string;
  enrolled: number | null;
  active: number | null;
  exited: number | null;
  positiveExitRate: number | null;
  positiveExitTarget: number | null;
  jobReturnRate: number | null;
  jobReturnTarget: number | null;
  businessCreationRate: number | null;
  businessCreationTarget: number | null;
  medianDaysToOutcome: number | null;
  sustainedOutcomes6m: number | null;
  exitsByReason: { reason: string; count: number | null }[];
  jobsByContract: { contractType: string; count: number | null }[];
}

export interface SurvivalCurve {
  city: string;
  programme: string | null;
  suppressed: boolean;
  participants: number;
  events: number;
  censored: number;
  medianDays: number | null;
  points: { day: number; stillSearching: number; atRisk: number; events: number }[];
}

export interface DashboardSeries {
  city: string;
  programme: string | null;
  interval: string;
  points: Dashboard[];
}

export interface LifePathStep {
  month: number;
  kind: string;
  detail: string | null;
}

export interface LifePath {
  pseudonym: string;
  city: string | null;
  programme: string | null;
  ageBand: string;
  gender: string | null;
  educationLevel: string | null;
  entryPeriod: string;
  outcome: string | null;
  steps: LifePathStep[];
}

export interface LifePathPage {
  k: number;
  suppressedCount: number;
  totalCount: number;
  releasedAsOf: string | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: LifePath }[];
}

export interface LifePathFilter {
  city?: string;
  programme?: string;
  entryYear?: number;
  outcome?: string;
}

/** The most common openings of every released path matching a filter, not of a page. */
export interface LifePathSequences {
  totalCount: number;
  sequences: { kinds: string[]; count: number; share: number }[];
}
