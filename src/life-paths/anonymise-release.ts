import type { EducationLevel, Gender, OutcomeClass } from '../journey/domain/vocabulary';
import type { LifePathRecord, LifePathStep } from './life-path-record';
import { pseudonymOf } from './pseudonym';
import {
  ageAtEntry,
  entryQuarter,
  entryYear,
  fiveYearAgeBand,
  sectorGroupOf,
  tenYearAgeBand,
} from './quasi-identifiers';

/** The seven quasi-identifiers, as released: null where generalised away. */
export interface ReleasedQuasiIdentifiers {
  city: string | null;
  programme: string | null;
  /** '2007-Q2', or '2007' once generalised. */
  entryPeriod: string;
  /** '50-54', or '50-59' once generalised. */
  ageBand: string;
  gender: Gender | null;
  educationLevel: EducationLevel | null;
  sectorGroup: string | null;
}

export interface LifePath extends ReleasedQuasiIdentifiers {
  pseudonym: string;
  outcome: OutcomeClass | null;
  steps: LifePathStep[];
}

export interface LifePathRelease {
  /** In pseudonym order. */
  paths: LifePath[];
  /** Records left out because no generalisation put them in a class of k or more. */
  suppressedCount: number;
  k: number;
}

export interface AnonymisationOptions {
  k: number;
  pseudonymSecret: string;
}

/** Each step coarsens one quasi-identifier of every record; they apply cumulatively, in this order. */
const GENERALISATIONS: readonly ((qi: ReleasedQuasiIdentifiers, record: LifePathRecord) => ReleasedQuasiIdentifiers)[] = [
  (qi, r) => ({ ...qi, ageBand: tenYearAgeBand(ageAtEntry(r.entryDate, r.birthYear)) }),
  (qi, r) => ({ ...qi, entryPeriod: entryYear(r.entryDate) }),
  (qi) => ({ ...qi, sectorGroup: null }),
  (qi) => ({ ...qi, gender: null }),
  (qi) => ({ ...qi, programme: null }),
];

/**
 * The k-anonymous release of all life paths (docs/access-and-privacy.md). Global recoding: a generalisation step
 * applies to every record, not only to those in small classes, so a released value means the same
 * thing on every path and classes cannot be told apart by their level of detail. What is still in
 * a class smaller than k after the last step is suppressed.
 */
export function anonymiseRelease(records: Iterable<LifePathRecord>, options: AnonymisationOptions): LifePathRelease {
  const { k, pseudonymSecret } = options;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  const all = [...records];

  let released = all.map(finestQuasiIdentifiers);
  let sizes = classSizes(released);
  for (const generalise of GENERALISATIONS) {
    if (released.every((qi) => sizes.get(classKey(qi))! >= k)) break;
    released = released.map((qi, i) => generalise(qi, all[i]!));
    sizes = classSizes(released);
  }

  const paths: LifePath[] = [];
  released.forEach((qi, i) => {
    if (sizes.get(classKey(qi))! < k) return;
    const record = all[i]!;
    paths.push({
      pseudonym: pseudonymOf(record.participantId, pseudonymSecret),
      ...qi,
      outcome: record.outcome,
      steps: record.steps.map(({ month, kind, detail }) => ({ month, kind, detail })),
    });
  });
  // Input order is enrolment or recording order, which would help link a path to a person.
  paths.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
  return { paths, suppressedCount: all.length - paths.length, k };
}

function finestQuasiIdentifiers(record: LifePathRecord): ReleasedQuasiIdentifiers {
  return {
    city: record.city,
    programme: record.programme,
    entryPeriod: entryQuarter(record.entryDate),
    ageBand: fiveYearAgeBand(ageAtEntry(record.entryDate, record.birthYear)),
    gender: record.gender,
    educationLevel: record.educationLevel,
    sectorGroup: sectorGroupOf(record.lastSector),
  };
}

/** The equivalence class a combination of released values belongs to. */
export function classKey(qi: ReleasedQuasiIdentifiers): string {
  return JSON.stringify([
    qi.city,
    qi.programme,
    qi.entryPeriod,
    qi.ageBand,
    qi.gender,
    qi.educationLevel,
    qi.sectorGroup,
  ]);
}

function classSizes(released: readonly ReleasedQuasiIdentifiers[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const qi of released) {
    const key = classKey(qi);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}
