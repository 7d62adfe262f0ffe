import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import {
  CONTRACT_TYPES,
  type CalendarDate,
  EXIT_REASONS,
  type ExitReason,
  FOLLOW_UP_STATUSES,
} from '../../../src/journey/domain/vocabulary';
import { addCounts, counterDeltas, countsFromCounters, countsOf, emptyCounts } from '../../../src/outcomes/outcome-counts';
import type { OutcomeFact, ParticipantOutcomeFacts } from '../../../src/outcomes/outcome-facts';
import { cityScope, programmeScope } from '../../../src/outcomes/outcome-scopes';
import { type Contribution, contributionAt } from '../../../src/outcomes/participant-contribution';
import { type SurvivalKind, survivalDeltas, talliesFromRows, talliesOf } from '../../../src/outcomes/survival';

// --- Generating plausible journeys ----------------------------------------------------------
// Raw steps are turned into facts the journey's rules would accept: milestones only while active,
// follow-ups and re-enrolments only after an exit, no date before the spell's start (or the exit),
// exits for employment only after a job. Some steps are dated back from the latest date used, as
// advisers recording late do, so recording order and date order differ.

const CLASSES = BUILT_IN_CATALOGUE.exitClasses;
const FIRST_DAY = Date.UTC(2007, 0, 1);
const dateOf = (day: number): CalendarDate => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);

const step = fc.record({
  action: fc.constantFrom('job', 'selfEmployment', 'exit', 'followUp', 'reEnrol'),
  gap: fc.integer({ min: 0, max: 90 }),
  late: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null, freq: 3 }),
  contractType: fc.constantFrom(...CONTRACT_TYPES),
  reason: fc.constantFrom(...EXIT_REASONS),
  status: fc.constantFrom(...FOLLOW_UP_STATUSES),
  monthsAfterExit: fc.constantFrom(3, 6, 6, 12),
  programme: fc.nat(),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const journey: fc.Arbitrary<ParticipantOutcomeFacts> = fc
  .record({
    city: fc.constantFrom(...BUILT_IN_CATALOGUE.cities),
    start: fc.integer({ min: 0, max: 500 }),
    programme: fc.nat(),
    steps: fc.array(step, { maxLength: 14 }),
  })
  .map(({ city, start, programme, steps }) => {
    const programmeOf = (n: number) => city.programmes[n % city.programmes.length]!.code;
    const facts: OutcomeFact[] = [{ kind: 'ENROLLED', on: dateOf(start), programme: programmeOf(programme) }];
    let spellStart = start;
    let exitedOn: number | null = null;
    let latest = start;
    let job = false;
    let selfEmployment = false;
    const dayOf = (s: Step, floor: number) => (s.late === null ? latest + s.gap : Math.max(floor, latest - s.late));
    const exitReason = (reason: ExitReason): ExitReason =>
      (reason === 'EMPLOYMENT' && !job) || (reason === 'SELF_EMPLOYMENT' && !selfEmployment) ? 'OTHER' : reason;

    for (const s of steps) {
      let day: number;
      if (exitedOn === null && s.action === 'job') {
        day = dayOf(s, spellStart);
        facts.push({ kind: 'JOB', on: dateOf(day), contractType: s.contractType });
        job = true;
      } else if (exitedOn === null && s.action === 'selfEmployment') {
        day = dayOf(s, spellStart);
        facts.push({ kind: 'SELF_EMPLOYMENT', on: dateOf(day) });
        selfEmployment = true;
      } else if (exitedOn === null && s.action === 'exit') {
        day = dayOf(s, spellStart);
        facts.push({ kind: 'EXITED', on: dateOf(day), reason: exitReason(s.reason) });
        exitedOn = day;
      } else if (exitedOn !== null && s.action === 'followUp') {
        day = dayOf(s, exitedOn);
        facts.push({ kind: 'FOLLOW_UP', on: dateOf(day), monthsAfterExit: s.monthsAfterExit, status: s.status });
      } else if (exitedOn !== null && s.action === 'reEnrol') {
        day = dayOf(s, exitedOn);
        facts.push({ kind: 'ENROLLED', on: dateOf(day), programme: programmeOf(s.programme) });
        spellStart = day;
        exitedOn = null;
        job = false;
        selfEmployment = false;
      } else continue;
      latest = Math.max(latest, day);
    }
    return { city: city.code, facts };
  });

const asOfDate = fc.option(fc.integer({ min: -10, max: 1_800 }).map(dateOf), { nil: null, freq: 5 });

// --- The stores of the read side, as plain maps ----------------------------------------------

class CounterStore {
  private readonly rows = new Map<string, Map<string, number>>();
  private readonly tallies = new Map<string, Map<string, { kind: SurvivalKind; key: string; count: number }>>();

  apply(city: string, before: Contribution | null, after: Contribution | null): void {
    for (const { scope, counter, delta } of counterDeltas(city, before, after)) {
      const scoped = this.rows.get(scope) ?? new Map<string, number>();
      scoped.set(counter, (scoped.get(counter) ?? 0) + delta);
      this.rows.set(scope, scoped);
    }
    for (const { scope, kind, key, delta } of survivalDeltas(city, before, after)) {
      const scoped = this.tallies.get(scope) ?? new Map();
      const row = scoped.get(`${kind} ${key}`) ?? { kind, key, count: 0 };
      scoped.set(`${kind} ${key}`, { ...row, count: row.count + delta });
      this.tallies.set(scope, scoped);
    }
  }

  scopes = (): string[] => [...this.rows.keys(), ...this.tallies.keys()];
  counts = (scope: string) =>
    countsFromCounters([...(this.rows.get(scope) ?? new Map<string, number>())].map(([counter, value]) => ({ counter, value })));
  survival = (scope: string) => talliesFromRows(this.tallies.get(scope)?.values() ?? []);
}

const upTo = (p: ParticipantOutcomeFacts, n: number): ParticipantOutcomeFacts => ({ city: p.city, facts: p.facts.slice(0, n) });

describe('outcome figures, for any journeys', () => {
  it('counters and tallies kept fact by fact equal those computed from scratch', () => {
    fc.assert(
      fc.property(fc.array(journey, { minLength: 1, maxLength: 8 }), (participants) => {
        const store = new CounterStore();
        // Participants' facts interleaved, as they arrive on the global log.
        const longest = Math.max(...participants.map((p) => p.facts.length));
        for (let n = 1; n <= longest; n++) {
          for (const p of participants.filter((q) => q.facts.length >= n)) {
            store.apply(p.city, contributionAt(upTo(p, n - 1), null, CLASSES), contributionAt(upTo(p, n), null, CLASSES));
          }
        }

        const finals = participants.map((p) => ({ city: p.city, c: contributionAt(p, null, CLASSES)! }));
        const inScope = (scope: string) =>
          finals.filter(({ city, c }) => scope === cityScope(city) || scope === programmeScope(city, c.programme)).map((f) => f.c);
        const scopes = new Set([...store.scopes(), ...finals.flatMap(({ city, c }) => [cityScope(city), programmeScope(city, c.programme)])]);
        for (const scope of scopes) {
          const members = inScope(scope);
          expect(store.counts(scope)).toEqual(members.reduce((sum, c) => addCounts(sum, countsOf(c)), emptyCounts()));
          expect(store.survival(scope)).toEqual(talliesOf(members));
        }
      }),
    );
  });

  it('a contribution as of a date is the live contribution of the facts dated on or before it', () => {
    fc.assert(
      fc.property(journey, asOfDate, (p, asOf) => {
        const known = asOf === null ? p.facts : p.facts.filter((f) => f.on <= asOf);
        expect(contributionAt(p, asOf, CLASSES)).toEqual(contributionAt({ city: p.city, facts: known }, null, CLASSES));
      }),
    );
  });

  it('recording a fact late, rather than on its day, changes no figure', () => {
    fc.assert(
      fc.property(journey, asOfDate, (p, asOf) => {
        // Stable: facts of one day keep their recording order, which is what decides between them.
        const onTime = { city: p.city, facts: [...p.facts].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)) };
        expect(contributionAt(p, asOf, CLASSES)).toEqual(contributionAt(onTime, asOf, CLASSES));
      }),
    );
  });

  it('a participant counts once: as active or exited, and exited by exactly one reason', () => {
    fc.assert(
      fc.property(journey, asOfDate, (p, asOf) => {
        const c = contributionAt(p, asOf, CLASSES);
        if (c === null) return;
        const counts = countsOf(c);
        expect(counts.active + counts.exited).toBe(1);
        expect(Object.values(counts.exitsByReason).reduce((a, b) => a + b, 0)).toBe(counts.exited);
        expect(counts.positiveExits + counts.neutralExits).toBeLessThanOrEqual(counts.exited);
        expect(counts.sustainedOutcomes6m).toBeLessThanOrEqual(counts.followUps6m);
      }),
    );
  });
});
