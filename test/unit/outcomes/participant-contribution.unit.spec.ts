import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import type { CalendarDate } from '../../../src/journey/domain/vocabulary';
import { type Contribution, contributionAt, zeroPerContract } from '../../../src/outcomes/participant-contribution';
import { event } from '../journey/fixtures';
import { ANNE, BERNARD, CHANTAL, DIDIER, ELISE, GILLES, HELENE, factsOf } from './paris-cohort';

const at = (events: JourneyEvent[], asOf: CalendarDate | null) =>
  contributionAt(factsOf(events), asOf, BUILT_IN_CATALOGUE.exitClasses);

const NOTHING_YET: Omit<Contribution, 'programme' | 'firstEnrolledOn'> = {
  active: 1,
  exited: 0,
  exitReason: null,
  positiveExit: 0,
  neutralExit: 0,
  jobReturn: 0,
  businessCreation: 0,
  followUp6m: 0,
  sustained6m: 0,
  jobsByContract: zeroPerContract(),
  outcomeOn: null,
  censoredOn: null,
};

describe("a participant's contribution on a date", () => {
  it('is nothing before the enrolment', () => {
    expect(at(ANNE, '2007-01-09')).toBeNull();
  });

  it('counts from the day of enrolment, active until an exit', () => {
    expect(at(ANNE, '2007-01-10')).toEqual({ ...NOTHING_YET, programme: 'paris-gatp', firstEnrolledOn: '2007-01-10' });
  });

  it('after a job and an exit for employment: exited, positive, a job return, an outcome', () => {
    expect(at(ANNE, '2007-03-01')).toEqual({
      ...NOTHING_YET,
      programme: 'paris-gatp',
      firstEnrolledOn: '2007-01-10',
      active: 0,
      exited: 1,
      exitReason: 'EMPLOYMENT',
      positiveExit: 1,
      jobReturn: 1,
      jobsByContract: { ...zeroPerContract(), PERMANENT: 1 },
      outcomeOn: '2007-03-01',
    });
  });

  it('a 6-month follow-up in work is a sustained outcome', () => {
    expect(at(ANNE, '2007-08-31')).toMatchObject({ followUp6m: 0, sustained6m: 0 });
    expect(at(ANNE, null)).toMatchObject({ followUp6m: 1, sustained6m: 1 });
  });

  it('an exit for health is neutral, and without an outcome the participant is censored at the exit', () => {
    expect(at(BERNARD, null)).toMatchObject({
      exited: 1,
      exitReason: 'HEALTH',
      positiveExit: 0,
      neutralExit: 1,
      outcomeOn: null,
      censoredOn: '2007-02-09',
    });
  });

  it('the exit class comes from the catalogue', () => {
    const healthIsNegative = { ...BUILT_IN_CATALOGUE.exitClasses, HEALTH: 'NEGATIVE' as const };
    expect(contributionAt(factsOf(BERNARD), null, healthIsNegative)).toMatchObject({ neutralExit: 0, positiveExit: 0 });
  });

  describe('a re-enrolment into another programme', () => {
    it('before it, the participant is in the first programme, exited by its latest exit', () => {
      expect(at(CHANTAL, '2007-04-30')).toMatchObject({
        programme: 'paris-gatp',
        exited: 1,
        exitReason: 'DROPPED_OUT',
        censoredOn: '2007-04-02',
      });
    });

    it('from it, the participant is active again, in the new programme only', () => {
      expect(at(CHANTAL, '2007-05-01')).toMatchObject({
        programme: 'paris-pionnieres',
        active: 1,
        exited: 0,
        exitReason: null,
        censoredOn: null,
        firstEnrolledOn: '2007-02-01',
      });
    });

    it('time to outcome still runs from the first enrolment; a 6-month follow-up out of work is not sustained', () => {
      expect(at(CHANTAL, null)).toMatchObject({
        programme: 'paris-pionnieres',
        exitReason: 'SELF_EMPLOYMENT',
        positiveExit: 1,
        businessCreation: 1,
        jobReturn: 0,
        followUp6m: 1,
        sustained6m: 0,
        firstEnrolledOn: '2007-02-01',
        outcomeOn: '2007-07-30',
        censoredOn: null,
      });
    });
  });

  it('several jobs are one job return, and each counts by its contract type', () => {
    expect(at(DIDIER, null)).toMatchObject({
      active: 1,
      jobReturn: 1,
      jobsByContract: { ...zeroPerContract(), FIXED_TERM_UNDER_6_MONTHS: 1, TEMPORARY_AGENCY: 1, PERMANENT: 1 },
      outcomeOn: '2007-04-15',
    });
  });

  describe('an event recorded late counts on its business date', () => {
    it('not before that date, even though events recorded before it are counted', () => {
      expect(at(ELISE, '2007-08-19')).toMatchObject({ jobReturn: 0, jobsByContract: zeroPerContract(), outcomeOn: null });
    });

    it('from that date, before the events recorded ahead of it', () => {
      expect(at(ELISE, '2007-09-30')).toMatchObject({
        active: 1,
        jobReturn: 1,
        jobsByContract: { ...zeroPerContract(), FIXED_TERM_6_MONTHS_OR_MORE: 1 },
        outcomeOn: '2007-08-20',
      });
    });

    it('the first outcome is the earliest dated, not the first recorded', () => {
      expect(at(ELISE, null)).toMatchObject({
        exitReason: 'EMPLOYMENT',
        jobsByContract: { ...zeroPerContract(), FIXED_TERM_6_MONTHS_OR_MORE: 1, SUBSIDISED: 1 },
        outcomeOn: '2007-08-20',
      });
    });

    it('the latest 6-month follow-up is the latest dated one', () => {
      const corrected = [...GILLES, event.followedUp('2008-03-25', { monthsAfterExit: 6, status: 'UNEMPLOYED' })];
      expect(at(corrected, '2008-03-31')).toMatchObject({ followUp6m: 1, sustained6m: 0 });
      expect(at(corrected, null)).toMatchObject({ followUp6m: 1, sustained6m: 1 });
    });
  });

  it('only a follow-up at 6 months counts as one', () => {
    expect(at(GILLES, '2008-03-31')).toMatchObject({ exited: 1, positiveExit: 1, followUp6m: 0, sustained6m: 0 });
  });

  it('exit and re-enrolment on the same day: the one recorded last decides', () => {
    const sameDay = [
      event.enrolled({ occurredOn: '2007-02-01', programme: 'paris-gatp' }),
      event.exited('2007-04-02', 'DROPPED_OUT'),
      event.reEnrolled('2007-04-02', 'paris-rmi'),
    ];
    expect(at(sameDay, '2007-04-02')).toMatchObject({ programme: 'paris-rmi', active: 1, exitReason: null });
  });

  it('erasure changes nothing in the figures', () => {
    expect(at(HELENE, null)).toEqual({ ...NOTHING_YET, programme: 'paris-rmi', firstEnrolledOn: '2008-03-03' });
  });
});
