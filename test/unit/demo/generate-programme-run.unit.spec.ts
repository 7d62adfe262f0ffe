import { isEmail, isUUID } from 'class-validator';
import fc from 'fast-check';
import {
  type DemoJourney,
  generateProgrammeRun,
  programmeRunGroupSizes,
  programmeRunSize,
} from '../../../src/demo/generate-programme-run';
import { ACTIVITY_KINDS, CONTRACT_TYPES, EXIT_REASONS } from '../../../src/journey/domain/vocabulary';
import { groupBy, type ParticipantSummary, rates, replay, summarise } from './run-statistics';

const run = (seed: number, scale?: number): DemoJourney[] => [...generateProgrammeRun({ seed, scale })];

const EXPECTED_SIZES = {
  'paris-gatp': 40,
  'paris-rmi': 100,
  'paris-pionnieres': 12,
  'paris-tiers-secteur': 15,
  'frankfurt-test-group': 60,
  'frankfurt-kompass': 25,
  'stockholm-test-group': 70,
};
const CITIES = ['paris', 'frankfurt', 'stockholm'];

describe('generateProgrammeRun', () => {
  const seed1 = run(1);
  const participants = seed1.map(summarise);
  const events = participants.flatMap((p) => p.events);
  const eventsOf = <T extends (typeof events)[number]['type']>(type: T) =>
    events.filter((e): e is Extract<(typeof events)[number], { type: T }> => e.type === type);

  describe('determinism', () => {
    it('gives the same run for the same seed', () => {
      expect(run(1)).toEqual(seed1);
    });

    it('gives another run for another seed', () => {
      const other = run(2);
      expect(other).not.toEqual(seed1);
      const ids = new Set(seed1.map((j) => j.participantId));
      expect(other.filter((j) => ids.has(j.participantId))).toEqual([]);
    });

    it('is a generator that yields one journey at a time', () => {
      const generator = generateProgrammeRun({ seed: 1 });
      const first = generator.next();
      expect(first.done).toBe(false);
      expect(first.value).toEqual(seed1[0]);
    });

    it('refuses a seed that is not an integer and a scale that is not positive', () => {
      expect(() => generateProgrammeRun({ seed: 1.5 }).next()).toThrow(RangeError);
      expect(() => generateProgrammeRun({ seed: 1, scale: 0 }).next()).toThrow(RangeError);
      expect(() => generateProgrammeRun({ seed: 1, scale: Number.NaN }).next()).toThrow(RangeError);
    });
  });

  describe('every command is accepted by the domain', () => {
    it('for every journey of seed 1, in order, today 2026-01-01, with the built-in catalogue', () => {
      for (const journey of seed1) expect(() => replay(journey)).not.toThrow();
      expect(events.length).toBeGreaterThan(seed1.length * 10);
    });

    it('for many other seeds and scales', () => {
      fc.assert(
        fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.constantFrom(0.05, 0.2, 0.5), (seed, scale) => {
          for (const journey of generateProgrammeRun({ seed, scale })) replay(journey);
        }),
        { numRuns: 40 },
      );
    });

    it('every journey is one participant, starting with its enrolment', () => {
      for (const journey of seed1) {
        expect(journey.commands[0]?.type).toBe('EnrolParticipant');
        expect(journey.commands.filter((c) => c.type === 'EnrolParticipant')).toHaveLength(1);
        for (const command of journey.commands) expect(command.data.participantId).toBe(journey.participantId);
      }
    });
  });

  describe('participant ids', () => {
    it('are unique version-4 UUIDs', () => {
      const ids = seed1.map((j) => j.participantId);
      for (const id of ids) expect(isUUID(id, 4)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe('the groups of the programme', () => {
    it('have the design sizes at scale 1, by the programme of their first enrolment', () => {
      const sizes = Object.fromEntries([...groupBy(participants, (p) => p.firstProgramme)].map(([k, v]) => [k, v.length]));
      expect(sizes).toEqual(EXPECTED_SIZES);
      expect(programmeRunGroupSizes(1)).toEqual(EXPECTED_SIZES);
      expect(programmeRunSize(1)).toBe(322);
    });

    it('grow with the scale', () => {
      const sizes = Object.fromEntries(
        [...groupBy(run(1, 3).map(summarise), (p) => p.firstProgramme)].map(([k, v]) => [k, v.length]),
      );
      expect(sizes).toEqual(Object.fromEntries(Object.entries(EXPECTED_SIZES).map(([k, v]) => [k, v * 3])));
      expect(programmeRunSize(300)).toBe(96_600);
    });

    it('interleaves the groups, so that any prefix of the run has every city', () => {
      const prefix = participants.slice(0, 20);
      expect(new Set(prefix.map((p) => p.city))).toEqual(new Set(CITIES));
    });

    it('enrols paris-rmi participants on minimum income, and only women in paris-pionnieres', () => {
      for (const e of eventsOf('ParticipantEnrolled')) {
        if (e.data.programme === 'paris-rmi') expect(e.data.profile.incomeSupport).toBe('MINIMUM_INCOME');
        if (e.data.programme === 'paris-pionnieres') expect(e.data.profile.gender).toBe('FEMALE');
      }
    });

    it('takes paris-pionnieres through pre-incubation, then incubation, with Paris Pionnières', () => {
      const pionnieres = participants.filter((p) => p.firstProgramme === 'paris-pionnieres');
      for (const p of pionnieres) {
        const kinds = p.events.flatMap((e) => (e.type === 'ActivityStarted' ? [`${e.data.activity}/${e.data.provider}`] : []));
        expect(kinds[0]).toBe('PRE_INCUBATION/paris-pionnieres');
        if (kinds.length > 1) expect(kinds[1]).toBe('INCUBATION/paris-pionnieres');
      }
      expect(pionnieres.filter((p) => p.events.some((e) => e.type === 'ActivityStarted' && e.data.activity === 'INCUBATION')).length).toBeGreaterThan(6);
    });

    it('runs the health programme and IT training with jobbtorg-stockholm in Stockholm', () => {
      const stockholm = eventsOf('ActivityStarted').filter((e) =>
        participants.some((p) => p.city === 'stockholm' && p.participantId === e.data.participantId),
      );
      const kinds = new Set(stockholm.map((e) => `${e.data.activity}/${e.data.provider}`));
      expect(kinds).toContain('HEALTH_PROGRAMME/jobbtorg-stockholm');
      expect(kinds).toContain('IT_TRAINING/jobbtorg-stockholm');
    });

    it('finds time-share jobs in employer groups for paris-gatp', () => {
      const gatp = new Set(participants.filter((p) => p.firstProgramme === 'paris-gatp').map((p) => p.participantId));
      const jobs = eventsOf('JobStarted').filter((e) => gatp.has(e.data.participantId));
      expect(jobs.some((j) => j.data.contractType === 'TIME_SHARE' && j.data.employerType === 'EMPLOYER_GROUP')).toBe(true);
      expect(eventsOf('ReferredToPartner').some((e) => gatp.has(e.data.participantId) && e.data.partner === 'ffge')).toBe(true);
    });
  });

  describe('realistic profiles and personal details', () => {
    it('are people of 50 and over, born 1940-1958, enrolled from 2007-01 to 2008-10, unemployed before entry', () => {
      for (const e of eventsOf('ParticipantEnrolled')) {
        const { profile, occurredOn } = e.data;
        expect(profile.birthYear).toBeGreaterThanOrEqual(1940);
        expect(profile.birthYear).toBeLessThanOrEqual(1958);
        expect(Number(occurredOn.slice(0, 4)) - profile.birthYear).toBeGreaterThanOrEqual(50);
        expect(occurredOn >= '2007-01-01' && occurredOn <= '2008-10-31').toBe(true);
        if (profile.unemployedSince !== null) expect(profile.unemployedSince < occurredOn).toBe(true);
        expect(profile.lastSector).toMatch(/^[A-U]$/);
      }
      const months = new Set(eventsOf('ParticipantEnrolled').map((e) => e.data.occurredOn.slice(0, 7)));
      expect(months.size).toBeGreaterThanOrEqual(20);
    });

    it('mix genders, education and position levels, sectors and income support', () => {
      const profiles = eventsOf('ParticipantEnrolled').map((e) => e.data.profile);
      const share = (f: (p: (typeof profiles)[number]) => boolean) => profiles.filter(f).length / profiles.length;
      expect(share((p) => p.gender === 'FEMALE')).toBeGreaterThan(0.3);
      expect(share((p) => p.gender === 'MALE')).toBeGreaterThan(0.4);
      expect(new Set(profiles.map((p) => p.educationLevel)).size).toBe(3);
      expect(new Set(profiles.map((p) => p.positionLevel)).size).toBe(4);
      expect(new Set(profiles.map((p) => p.incomeSupport)).size).toBe(3);
      expect(new Set(profiles.map((p) => p.lastSector)).size).toBeGreaterThanOrEqual(12);
    });

    it('give plausible names by city, valid emails and phone numbers', () => {
      const phone = /^\+?[0-9][0-9 ().-]{2,29}$/;
      const namesOf = new Map<string, Set<string>>();
      for (const e of eventsOf('ParticipantEnrolled')) {
        const personal = e.data.personal!;
        expect(personal.fullName).toMatch(/^\S+( \S+)+$/);
        if (personal.email !== null) expect(isEmail(personal.email)).toBe(true);
        if (personal.phone !== null) expect(personal.phone).toMatch(phone);
        namesOf.set(e.data.city, (namesOf.get(e.data.city) ?? new Set()).add(personal.fullName.split(' ').at(-1)!));
      }
      expect(namesOf.get('stockholm')!.has('Andersson') || namesOf.get('stockholm')!.has('Johansson') || namesOf.get('stockholm')!.has('Karlsson')).toBe(true);
      expect([...namesOf.get('stockholm')!].some((n) => /sson$/.test(n))).toBe(true);
      expect([...namesOf.get('frankfurt')!].every((n) => !/sson$/.test(n))).toBe(true);
      expect(new Set(eventsOf('ParticipantEnrolled').map((e) => e.data.personal!.fullName)).size).toBeGreaterThan(250);
    });

    it('write notes on some milestones, within the length limit', () => {
      const noted = events.filter((e) => 'note' in e.data && e.data.note !== null);
      expect(noted.length).toBeGreaterThan(events.length * 0.03);
      expect(new Set(noted.map((e) => e.type)).size).toBeGreaterThanOrEqual(6);
      for (const e of noted) expect((e.data as { note: string }).note.length).toBeLessThanOrEqual(2000);
    });
  });

  describe('the milestones', () => {
    it('use every contract type, every exit reason and every activity kind', () => {
      expect(new Set(eventsOf('JobStarted').map((e) => e.data.contractType))).toEqual(new Set(CONTRACT_TYPES));
      expect(new Set(eventsOf('ParticipantExited').map((e) => e.data.reason))).toEqual(new Set(EXIT_REASONS));
      expect(new Set(eventsOf('ActivityStarted').map((e) => e.data.activity))).toEqual(new Set(ACTIVITY_KINDS));
      expect(new Set(eventsOf('ActivityCompleted').map((e) => e.data.result))).toEqual(new Set(['COMPLETED', 'ABANDONED']));
      expect(new Set(eventsOf('SelfEmploymentStarted').map((e) => e.data.form)).size).toBeGreaterThanOrEqual(4);
    });

    it('hold individual and group coaching sessions of 30 to 180 minutes', () => {
      const sessions = eventsOf('CoachingSessionHeld');
      expect(new Set(sessions.map((s) => s.data.mode))).toEqual(new Set(['INDIVIDUAL', 'GROUP']));
      for (const s of sessions) {
        expect(s.data.durationMinutes).toBeGreaterThanOrEqual(30);
        expect(s.data.durationMinutes).toBeLessThanOrEqual(180);
      }
    });

    it('refer participants to partners of their city only', () => {
      const partners = new Set(eventsOf('ReferredToPartner').map((e) => e.data.partner));
      expect(partners.size).toBeGreaterThanOrEqual(12);
      // decide would refuse another city's partner; weekly hours within 1..60 as the API requires.
      for (const j of eventsOf('JobStarted')) {
        if (j.data.weeklyHours !== null) expect(j.data.weeklyHours).toBeGreaterThanOrEqual(1);
        if (j.data.weeklyHours !== null) expect(j.data.weeklyHours).toBeLessThanOrEqual(60);
      }
    });

    it('are dated in 2007-2008: no exit or follow-up after 2008-12-31', () => {
      for (const e of events) {
        const on = e.data.occurredOn;
        expect(on >= '2007-01-01' && on <= '2008-12-31').toBe(true);
      }
    });

    it('follow up many exited participants at 6 months, and some at 12, when the date allows', () => {
      const exitedByJune = participants.filter((p) =>
        p.events.some((e) => e.type === 'ParticipantExited' && e.data.occurredOn <= '2008-06-01'),
      );
      const followed = (months: number) =>
        participants.filter((p) => p.events.some((e) => e.type === 'FollowUpRecorded' && e.data.monthsAfterExit === months));
      expect(followed(6).length).toBeGreaterThan(exitedByJune.length * 0.5);
      expect(followed(12).length).toBeGreaterThan(5);
    });

    it('re-enrol a few participants, some into another programme of the same city', () => {
      const reEnrolled = participants.filter((p) => p.events.some((e) => e.type === 'ParticipantReEnrolled'));
      expect(reEnrolled.length).toBeGreaterThanOrEqual(5);
      expect(reEnrolled.length).toBeLessThan(participants.length * 0.1);
      expect(reEnrolled.some((p) => p.latestProgramme !== p.firstProgramme)).toBe(true);
    });
  });

  describe('the outcome rates', () => {
    const byCity = (all: readonly ParticipantSummary[]) =>
      Object.fromEntries(CITIES.map((city) => [city, rates(all.filter((p) => p.city === city))]));

    it.each([1, 2, 3, 42, 2008])('are near the targets and differ by city (seed %i)', (seed) => {
      const all = seed === 1 ? participants : run(seed).map(summarise);
      const cities = byCity(all);
      for (const city of CITIES) {
        expect(cities[city]!.positiveExitRate).toBeGreaterThanOrEqual(0.55);
        expect(cities[city]!.positiveExitRate).toBeLessThanOrEqual(0.68);
        expect(cities[city]!.active).toBeGreaterThan(0);
      }
      // Stockholm below the 0.60 target, Paris about on it, Frankfurt above it.
      expect(cities.paris!.positiveExitRate - cities.stockholm!.positiveExitRate).toBeGreaterThan(0.003);
      expect(cities.frankfurt!.positiveExitRate - cities.paris!.positiveExitRate).toBeGreaterThan(0.003);

      const programmes = groupBy(all, (p) => p.latestProgramme);
      const rmi = rates(programmes.get('paris-rmi')!);
      expect(rmi.jobReturnRate).toBeGreaterThanOrEqual(0.45);
      expect(rmi.jobReturnRate).toBeLessThanOrEqual(0.55);
      const pionnieres = rates(programmes.get('paris-pionnieres')!);
      expect(pionnieres.businessCreationRate).toBeGreaterThanOrEqual(0.7);
      expect(pionnieres.businessCreationRate).toBeLessThanOrEqual(0.9);
    });

    it('exit for EMPLOYMENT only after a job, and for SELF_EMPLOYMENT only after self-employment, in the spell', () => {
      // decide enforces it; this checks the run exercises it often.
      const reasons = eventsOf('ParticipantExited').map((e) => e.data.reason);
      expect(reasons.filter((r) => r === 'EMPLOYMENT').length).toBeGreaterThan(60);
      expect(reasons.filter((r) => r === 'SELF_EMPLOYMENT').length).toBeGreaterThan(15);
    });
  });

  describe('at benchmark scale', () => {
    it('streams about 10,000 participants at scale 30 without holding them', () => {
      const started = performance.now();
      let count = 0;
      let commands = 0;
      const ids = new Set<string>();
      for (const journey of generateProgrammeRun({ seed: 7, scale: 30 })) {
        count++;
        commands += journey.commands.length;
        ids.add(journey.participantId);
      }
      expect(count).toBe(programmeRunSize(30));
      expect(count).toBe(9_660);
      expect(ids.size).toBe(count);
      expect(commands).toBeGreaterThan(count * 10);
      expect(performance.now() - started).toBeLessThan(15_000);
    });
  });
});
