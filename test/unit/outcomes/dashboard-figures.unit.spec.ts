import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { CalendarDate, ContractType, ExitReason } from '../../../src/journey/domain/vocabulary';
import { type OutcomeCounts, addCounts, countsOf, emptyCounts, rates } from '../../../src/outcomes/outcome-counts';
import { targetsOf } from '../../../src/outcomes/outcome-targets';
import { contributionAt } from '../../../src/outcomes/participant-contribution';
import { PARIS_COHORT, factsOf } from './paris-cohort';

// Dashboards computed the "as of" way (scanning participants) over the Paris cohort, against
// figures counted by hand from the journeys in paris-cohort.ts.

function dashboard(asOf: CalendarDate | null, programme: string | null = null): OutcomeCounts {
  return Object.values(PARIS_COHORT)
    .map((events) => contributionAt(factsOf(events), asOf, BUILT_IN_CATALOGUE.exitClasses))
    .filter((c) => c !== null && (programme === null || c.programme === programme))
    .reduce((sum, c) => addCounts(sum, countsOf(c!)), emptyCounts());
}

type Expected = Partial<Omit<OutcomeCounts, 'exitsByReason' | 'jobsByContract'>> & {
  exitsByReason?: Partial<Record<ExitReason, number>>;
  jobsByContract?: Partial<Record<ContractType, number>>;
};
/** Every counter not named is 0. */
function counts(expected: Expected): OutcomeCounts {
  const zero = emptyCounts();
  return {
    ...zero,
    ...expected,
    exitsByReason: { ...zero.exitsByReason, ...expected.exitsByReason },
    jobsByContract: { ...zero.jobsByContract, ...expected.jobsByContract },
  };
}

const parisRates = (c: OutcomeCounts, programme: string | null = null) =>
  rates(c, targetsOf(BUILT_IN_CATALOGUE, 'paris', programme));

describe('Paris dashboards (docs/outcomes.md), live', () => {
  it('the city counts every participant once, by its state today', () => {
    expect(dashboard(null)).toEqual(
      counts({
        enrolled: 8,
        active: 2, // Didier, Hélène
        exited: 6,
        positiveExits: 4, // Anne, Élise (employment), Chantal (self-employment), Gilles (training)
        neutralExits: 1, // Bernard (health)
        jobReturns: 3, // Anne, Didier (three jobs), Élise (two jobs)
        businessCreations: 1, // Chantal
        followUps6m: 3, // Anne, Chantal, Gilles
        sustainedOutcomes6m: 2, // Anne employed, Gilles self-employed; Chantal unemployed
        exitsByReason: { EMPLOYMENT: 2, SELF_EMPLOYMENT: 1, TRAINING: 1, HEALTH: 1, DROPPED_OUT: 1 },
        jobsByContract: {
          PERMANENT: 2,
          FIXED_TERM_UNDER_6_MONTHS: 1,
          TEMPORARY_AGENCY: 1,
          SUBSIDISED: 1,
          FIXED_TERM_6_MONTHS_OR_MORE: 1,
        },
      }),
    );
  });

  it('neutral exits leave the positive-exit denominator: 4 / (6 − 1)', () => {
    expect(parisRates(dashboard(null))).toEqual({
      positiveExitRate: 0.8,
      positiveExitTarget: 0.6,
      jobReturnRate: 3 / 8,
      jobReturnTarget: null,
      businessCreationRate: 1 / 8,
      businessCreationTarget: null,
    });
  });

  it('a participant re-enrolled elsewhere counts only in the programme of its latest spell', () => {
    expect(dashboard(null, 'paris-gatp')).toEqual(
      counts({
        enrolled: 5, // Anne, Bernard, Didier, François, Gilles; not Chantal
        active: 1,
        exited: 4,
        positiveExits: 2,
        neutralExits: 1,
        jobReturns: 2,
        followUps6m: 2,
        sustainedOutcomes6m: 2,
        exitsByReason: { EMPLOYMENT: 1, HEALTH: 1, DROPPED_OUT: 1, TRAINING: 1 },
        jobsByContract: { PERMANENT: 2, FIXED_TERM_UNDER_6_MONTHS: 1, TEMPORARY_AGENCY: 1 },
      }),
    );
    expect(dashboard(null, 'paris-pionnieres')).toEqual(
      counts({
        enrolled: 1,
        exited: 1,
        positiveExits: 1,
        businessCreations: 1,
        followUps6m: 1,
        exitsByReason: { SELF_EMPLOYMENT: 1 },
      }),
    );
  });

  it('programme rates are measured against the programme targets', () => {
    expect(parisRates(dashboard(null, 'paris-gatp'), 'paris-gatp')).toMatchObject({
      positiveExitRate: 2 / 3,
      positiveExitTarget: 0.6,
      jobReturnRate: 2 / 5,
    });
    expect(parisRates(dashboard(null, 'paris-pionnieres'), 'paris-pionnieres')).toMatchObject({
      positiveExitRate: 1,
      businessCreationRate: 1,
      businessCreationTarget: 0.8,
    });
    expect(parisRates(dashboard(null, 'paris-rmi'), 'paris-rmi')).toMatchObject({
      positiveExitRate: 1,
      jobReturnRate: 1 / 2, // Élise of Élise and Hélène
      jobReturnTarget: 0.5,
    });
  });

  it('a programme without participants has no rates rather than rates of 0', () => {
    expect(dashboard(null, 'paris-tiers-secteur')).toEqual(emptyCounts());
    expect(parisRates(emptyCounts(), 'paris-tiers-secteur')).toMatchObject({
      positiveExitRate: null,
      jobReturnRate: null,
      businessCreationRate: null,
    });
  });
});

describe('Paris dashboards as of a business date', () => {
  it('on 2007-03-31: the exits, jobs and spells that had happened by then', () => {
    expect(dashboard('2007-03-31')).toEqual(
      counts({
        enrolled: 4, // Anne, Bernard, Chantal, Didier
        active: 2, // Chantal (dropped out on 04-02), Didier (first job on 04-15)
        exited: 2,
        positiveExits: 1,
        neutralExits: 1,
        jobReturns: 1,
        exitsByReason: { EMPLOYMENT: 1, HEALTH: 1 },
        jobsByContract: { PERMANENT: 1 },
      }),
    );
    expect(parisRates(dashboard('2007-03-31')).positiveExitRate).toBe(1); // 1 / (2 − 1)
  });

  it('on 2007-03-31 the re-enrolled participant is still in her first programme', () => {
    expect(dashboard('2007-03-31', 'paris-gatp').enrolled).toBe(4);
    expect(dashboard('2007-03-31', 'paris-pionnieres')).toEqual(emptyCounts());
  });

  it('on 2007-09-30: a job recorded late counts; events dated later, even recorded earlier, do not', () => {
    expect(dashboard('2007-09-30')).toEqual(
      counts({
        enrolled: 7, // not Hélène
        active: 4, // Didier, Élise (exit on 10-15), François, Gilles (exit on 10-01)
        exited: 3, // Anne, Bernard, Chantal
        positiveExits: 2,
        neutralExits: 1,
        jobReturns: 3, // Élise's August job, recorded after her October one
        businessCreations: 1,
        followUps6m: 1, // Anne's of 09-01
        sustainedOutcomes6m: 1,
        exitsByReason: { EMPLOYMENT: 1, HEALTH: 1, SELF_EMPLOYMENT: 1 },
        jobsByContract: {
          PERMANENT: 2,
          FIXED_TERM_UNDER_6_MONTHS: 1,
          TEMPORARY_AGENCY: 1,
          FIXED_TERM_6_MONTHS_OR_MORE: 1, // not yet Élise's subsidised job of 10-01
        },
      }),
    );
    expect(parisRates(dashboard('2007-09-30'))).toMatchObject({
      positiveExitRate: 1, // 2 / (3 − 1)
      jobReturnRate: 3 / 7,
      businessCreationRate: 1 / 7,
    });
  });

  it('the day before and the day of a late-recorded job', () => {
    expect(dashboard('2007-08-19', 'paris-rmi')).toEqual(counts({ enrolled: 1, active: 1 }));
    expect(dashboard('2007-08-20', 'paris-rmi')).toEqual(
      counts({ enrolled: 1, active: 1, jobReturns: 1, jobsByContract: { FIXED_TERM_6_MONTHS_OR_MORE: 1 } }),
    );
  });

  it('before the first enrolment, nothing', () => {
    expect(dashboard('2006-12-31')).toEqual(emptyCounts());
  });

  it('after the last event, the live figures', () => {
    expect(dashboard('2008-06-30')).toEqual(dashboard(null));
  });
});

describe('rates', () => {
  it('positive exits over exits that were not neutral', () => {
    expect(rates(counts({ enrolled: 4, exited: 3, neutralExits: 1, positiveExits: 1 }), targetsOf(BUILT_IN_CATALOGUE, 'paris', null)))
      .toMatchObject({ positiveExitRate: 0.5 });
  });

  it('no positive-exit rate when every exit was neutral', () => {
    expect(rates(counts({ enrolled: 2, exited: 2, neutralExits: 2 }), targetsOf(BUILT_IN_CATALOGUE, 'paris', null)))
      .toMatchObject({ positiveExitRate: null, jobReturnRate: 0, businessCreationRate: 0 });
  });
});
