// A deterministic, realistic run of the "Senior competence" programme (2007-2008), as the commands
// an adviser would have sent, one participant's journey at a time. Pure: no Nest, no I/O, no clock.
//
// Each participant is drawn from a PRNG seeded by (seed, participant number) alone, so a journey
// does not depend on the ones before it and the run streams in constant memory at any scale. The
// way each latest spell ends (its "plan") is drawn by stratified quantiles within the participant's
// group, so the outcome rates land near the same values whatever the seed.
import type { JourneyCommand } from '../journey/domain/commands';
import type { ParticipantProfile } from '../journey/domain/events';
import type {
  ActivityKind,
  CalendarDate,
  ActivityResult,
  CoachingMode,
  ExitReason,
  FollowUpStatus,
  Gender,
} from '../journey/domain/vocabulary';
import { dateOf, dayOf, workingDay, yearOf } from './calendar';
import { type DemoCity, type NoteKind, maybeNote, personalDetails } from './people';
import { hash32, mix32, Random, type Weighted } from './prng';
import {
  FLAVOURS,
  GROUPS,
  type GroupSpec,
  type JobData,
  PLANS,
  type Plan,
  type ProgrammeFlavour,
  SECTORS,
} from './programme-groups';

export interface DemoJourney {
  participantId: string;
  commands: JourneyCommand[];
  /** The day each command happened on, which the demo records it on, as an adviser would. */
  recordedOn: CalendarDate[];
}

export interface ProgrammeRunOptions {
  seed: number;
  /** Multiplies every group's size (1: the programme as run, 322 participants; 300: 96,600). */
  scale?: number;
}

/** Nothing in the run is dated after the end of the project. */
export const RUN_LAST_DAY = '2008-12-31';
const FIRST_ENROLMENT = dayOf('2007-01-08');
const LAST_ENROLMENT = dayOf('2008-10-31');
const END = dayOf(RUN_LAST_DAY);

/** Participants of each programme's group at a scale (by the programme they were first enrolled in). */
export function programmeRunGroupSizes(scale = 1): Record<string, number> {
  assertScale(scale);
  return Object.fromEntries(GROUPS.map((g) => [g.programme, groupSize(g, scale)]));
}

/** How many journeys `generateProgrammeRun` yields at a scale. */
export function programmeRunSize(scale = 1): number {
  return Object.values(programmeRunGroupSizes(scale)).reduce((a, b) => a + b, 0);
}

export function* generateProgrammeRun(options: ProgrammeRunOptions): Generator<DemoJourney> {
  const { seed, scale = 1 } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  assertScale(scale);
  const seedWords = [seed >>> 0, Math.floor(seed / 4294967296) >>> 0] as const;
  const sizes = GROUPS.map((g) => groupSize(g, scale));
  const strata = GROUPS.map((_, g) => stratification(sizes[g]!, hash32(...seedWords, g, 0x57a7)));
  const produced = sizes.map(() => 0);
  const offsets = sizes.map((_, g) => sizes.slice(0, g).reduce((a, b) => a + b, 0));
  const total = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; i < total; i++) {
    // Interleave the groups evenly, so any prefix of the run looks like the whole of it.
    let g = -1;
    for (let c = 0; c < sizes.length; c++) {
      if (produced[c]! >= sizes[c]!) continue;
      if (g < 0 || (produced[c]! + 0.5) / sizes[c]! < (produced[g]! + 0.5) / sizes[g]!) g = c;
    }
    const k = produced[g]!++;
    yield journey(seedWords, GROUPS[g]!, offsets[g]! + k, strata[g]!(k));
  }
}

function assertScale(scale: number): void {
  if (!(Number.isFinite(scale) && scale > 0)) throw new RangeError(`scale must be a positive number, got ${scale}`);
}

const groupSize = (group: GroupSpec, scale: number): number => Math.max(1, Math.round(group.size * scale));

/**
 * A permutation of the n positions of a group (k → a·k + b mod n, with a coprime to n and near the
 * golden section of n so that neighbours land far apart): participant k's plan quantile is
 * (position + jitter) / n, so each plan's share of the group is exact to within one participant.
 */
function stratification(n: number, salt: number): (k: number) => (jitter: number) => number {
  let a = Math.max(1, Math.round(n * 0.6180339887));
  while (gcd(a, n) !== 1) a++;
  const b = salt % n;
  return (k) => (jitter) => (((a * k + b) % n) + jitter) / n;
}

const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));

function planAt(group: GroupSpec, q: number): Plan {
  const total = PLANS.reduce((sum, p) => sum + (group.plans[p] ?? 0), 0);
  let cumulative = 0;
  for (const plan of PLANS) {
    cumulative += (group.plans[plan] ?? 0) / total;
    if (q < cumulative) return plan;
  }
  return PLANS.filter((p) => (group.plans[p] ?? 0) > 0).at(-1)!;
}

/** A version-4 UUID whose first 32 bits are a bijection of the participant number: unique in a run. */
function participantUuid(seedWords: readonly [number, number], index: number, rng: Random): string {
  const w0 = mix32(index ^ hash32(...seedWords, 0x1d));
  const w1 = ((rng.uint32() & 0xffff0fff) | 0x00004000) >>> 0;
  const w2 = ((rng.uint32() & 0x3fffffff) | 0x80000000) >>> 0;
  const w3 = rng.uint32();
  const hex = (w: number) => w.toString(16).padStart(8, '0');
  const h1 = hex(w1);
  const h2 = hex(w2);
  return `${hex(w0)}-${h1.slice(0, 4)}-${h1.slice(4)}-${h2.slice(0, 4)}-${h2.slice(4)}${hex(w3)}`;
}

// --- One journey ------------------------------------------------------------------------------

const STILL_ACTIVE: readonly Plan[] = ['ACTIVE', 'JOB_ACTIVE', 'SELF_ACTIVE'];

interface Entry {
  day: number;
  /** Order of milestones recorded on the same day. */
  rank: number;
  seq: number;
  command: JourneyCommand;
}

const RANK = { enrol: 0, coaching: 1, referral: 2, activityEnd: 3, activityStart: 4, outcome: 5, exit: 6, followUp: 7 };

class JourneyBuilder {
  private readonly entries: Entry[] = [];

  constructor(
    readonly participantId: string,
    readonly city: DemoCity,
    readonly rng: Random,
  ) {}

  add(day: number, rank: number, command: JourneyCommand): void {
    this.entries.push({ day, rank, seq: this.entries.length, command });
  }

  note(kind: NoteKind): string | null {
    return maybeNote(this.rng, this.city, kind);
  }

  /** The commands in the order they happened, and the day of each. */
  timeline(): Pick<DemoJourney, 'commands' | 'recordedOn'> {
    const entries = [...this.entries].sort((x, y) => x.day - y.day || x.rank - y.rank || x.seq - y.seq);
    return { commands: entries.map((e) => e.command), recordedOn: entries.map((e) => dateOf(e.day)) };
  }
}

function journey(seedWords: readonly [number, number], group: GroupSpec, index: number, quantile: (jitter: number) => number): DemoJourney {
  const rng = new Random(...seedWords, index, 0x5eed);
  const participantId = participantUuid(seedWords, index, rng);
  const plan = planAt(group, quantile(0.2 + 0.6 * rng.float()));
  const b = new JourneyBuilder(participantId, group.city, rng);

  const reEnrolled = group.reEnrolmentRate > 0 && rng.chance(group.reEnrolmentRate);
  const enrolledOn = workingDay(enrolmentDay(rng, group, plan, reEnrolled), FIRST_ENROLMENT, LAST_ENROLMENT);
  const profile = drawProfile(rng, group, plan, enrolledOn);
  b.add(enrolledOn, RANK.enrol, {
    type: 'EnrolParticipant',
    data: {
      participantId,
      occurredOn: dateOf(enrolledOn),
      city: group.city,
      programme: group.programme,
      profile,
      personal: personalDetails(rng, group.city, profile.gender),
      note: b.note('enrol'),
    },
  });

  let spellStart = enrolledOn;
  let programme = group.programme;
  if (reEnrolled) {
    // A first spell cut short, and a return some weeks later (perhaps to another programme).
    const firstPlan = rng.weighted<Plan>([['DROPPED_OUT', 45], ['HEALTH', 35], ['OTHER', 20]]);
    const firstExit = spell(b, FLAVOURS[programme]!, profile, firstPlan, spellStart, true).exitOn!;
    const returnedOn = workingDay(Math.min(firstExit + rng.triangular(20, 75, 150), LAST_ENROLMENT), firstExit + 1, LAST_ENROLMENT);
    const into = rng.weighted(FLAVOURS[programme]!.reEnrolInto);
    b.add(returnedOn, RANK.enrol, {
      type: 'ReEnrolParticipant',
      data: { participantId, occurredOn: dateOf(returnedOn), programme: into, note: b.note('reEnrol') },
    });
    spellStart = returnedOn;
    programme = into ?? programme;
  }
  const { exitOn, exitReason } = spell(b, FLAVOURS[programme]!, profile, plan, spellStart, false);
  if (exitOn !== null) followUps(b, exitReason!, exitOn);
  return { participantId, ...b.timeline() };
}

function enrolmentDay(rng: Random, group: GroupSpec, plan: Plan, reEnrolled: boolean): number {
  if (reEnrolled) return rng.int(FIRST_ENROLMENT, dayOf('2007-09-28'));
  if (group.enrolment) return dayOf(group.enrolment(rng, plan));
  if (STILL_ACTIVE.includes(plan)) return rng.int(dayOf('2008-02-01'), LAST_ENROLMENT);
  return rng.chance(0.85) ? rng.int(FIRST_ENROLMENT, dayOf('2008-06-30')) : rng.int(dayOf('2008-07-01'), LAST_ENROLMENT);
}

function drawProfile(rng: Random, group: GroupSpec, plan: Plan, enrolledOn: number): ParticipantProfile {
  const entryYear = yearOf(enrolledOn);
  const age = plan === 'RETIREMENT' ? rng.triangular(58, 62, 68) : rng.triangular(50, 52, 67);
  const birthYear = Math.min(Math.max(entryYear - age, 1940), entryYear - 50);
  const gender: Gender =
    group.femaleShare >= 1
      ? 'FEMALE'
      : rng.chance(0.015)
        ? 'UNDISCLOSED'
        : rng.chance(group.femaleShare)
          ? 'FEMALE'
          : 'MALE';
  const educationLevel = rng.weighted(group.education);
  const positionLevel = rng.weighted(group.positions);
  const lastSector = rng.weighted(SECTORS[group.city]);
  // A few come while still under notice: not yet unemployed, no benefit.
  if (group.programme !== 'paris-rmi' && rng.chance(0.03)) {
    return { birthYear, gender, educationLevel, positionLevel, lastSector, unemployedSince: null, incomeSupport: 'NONE' };
  }
  const months = rng.triangular(...group.unemployedMonths);
  const unemployedSince = dateOf(enrolledOn - Math.max(14, Math.round(months * 30.44)) + rng.int(0, 10));
  const incomeSupport = rng.weighted(group.incomeSupport);
  return { birthYear, gender, educationLevel, positionLevel, lastSector, unemployedSince, incomeSupport };
}

interface Timeline {
  /** Job or self-employment day of the spell's outcome. */
  outcomeOn: number | null;
  /** An earlier short job (JOB: a stopgap before the lasting one; SHORT_JOB: the only one). */
  shortJobOn: number | null;
  exitOn: number | null;
  exitReason: ExitReason | null;
  /** End of the search: activities and referrals are placed as fractions of [start, searchEnd]. */
  searchEnd: number;
  /** Last day the adviser coaches the participant. */
  coachingEnd: number;
}

const EXIT_REASON_OF: Partial<Record<Plan, ExitReason>> = {
  SELF: 'SELF_EMPLOYMENT',
  TRAINING: 'TRAINING',
  JOB: 'EMPLOYMENT',
  DROPPED_OUT: 'DROPPED_OUT',
  END_OF_PROGRAMME: 'END_OF_PROGRAMME',
  OTHER: 'OTHER',
  RETIREMENT: 'RETIREMENT',
  HEALTH: 'HEALTH',
  RELOCATION: 'RELOCATION',
};

function timeline(rng: Random, flavour: ProgrammeFlavour, plan: Plan, start: number, firstSpell: boolean): Timeline {
  const latestExit = END - rng.int(0, 10);
  // Durations that would run past the end of the project are drawn again within the time left,
  // so that late entrants' outcomes spread over it rather than pile up at its end.
  const fit = (search: number, lag = 0): [number, number] => {
    const room = latestExit - start;
    if (search + lag <= room) return [search, lag];
    const f = (room * (0.35 + 0.65 * rng.float())) / (search + lag);
    return [Math.floor(search * f), Math.floor(lag * f)];
  };
  const plain = (min: number, mode: number, max: number): Timeline => {
    const [d] = fit(firstSpell ? rng.triangular(30, 100, 220) : rng.triangular(min, mode, max));
    const exitOn = workingDay(start + d, start, END);
    return { outcomeOn: null, shortJobOn: null, exitOn, exitReason: EXIT_REASON_OF[plan]!, searchEnd: exitOn, coachingEnd: exitOn };
  };
  switch (plan) {
    case 'JOB': {
      const [d, lag] = fit(rng.triangular(20, 120, 480), rng.chance(0.5) ? 0 : rng.triangular(7, 30, 60));
      const outcomeOn = workingDay(start + d, start, END);
      const exitOn = workingDay(Math.max(outcomeOn, start + d + lag), outcomeOn, END);
      const shortJobOn = d >= 100 && rng.chance(0.2) ? workingDay(start + Math.round(d * (0.3 + 0.3 * rng.float())), start, outcomeOn) : null;
      return { outcomeOn, shortJobOn, exitOn, exitReason: 'EMPLOYMENT', searchEnd: outcomeOn, coachingEnd: outcomeOn };
    }
    case 'SELF': {
      const [d, lag] = fit(rng.triangular(45, 180, 480), rng.triangular(...flavour.selfEmploymentExitLag));
      const outcomeOn = workingDay(start + d, start, END);
      const exitOn = workingDay(Math.max(outcomeOn, start + d + lag), outcomeOn, END);
      return { outcomeOn, shortJobOn: null, exitOn, exitReason: 'SELF_EMPLOYMENT', searchEnd: outcomeOn, coachingEnd: exitOn };
    }
    case 'JOB_ACTIVE': {
      const outcomeOn = workingDay(Math.min(END, Math.max(start + 14, END - rng.triangular(3, 30, 90))), start, END);
      return { outcomeOn, shortJobOn: null, exitOn: null, exitReason: null, searchEnd: outcomeOn, coachingEnd: outcomeOn };
    }
    case 'SELF_ACTIVE': {
      const outcomeOn = workingDay(Math.min(END, Math.max(start + 30, END - rng.triangular(5, 45, 150))), start, END);
      return { outcomeOn, shortJobOn: null, exitOn: null, exitReason: null, searchEnd: outcomeOn, coachingEnd: END };
    }
    case 'SHORT_JOB': {
      const [d] = fit(rng.triangular(150, 300, 450));
      const exitOn = workingDay(start + d, start, END);
      const shortJobOn = workingDay(start + Math.round(d * (0.2 + 0.4 * rng.float())), start, exitOn);
      const exitReason = rng.chance(0.6) ? 'END_OF_PROGRAMME' : 'OTHER';
      return { outcomeOn: null, shortJobOn, exitOn, exitReason, searchEnd: exitOn, coachingEnd: exitOn };
    }
    case 'DROPPED_OUT': {
      const t = plain(21, 90, 300);
      // The participant stops coming some weeks before the adviser closes the case.
      const lastSeen = Math.max(start, t.exitOn! - rng.triangular(14, 30, 60));
      return { ...t, searchEnd: lastSeen, coachingEnd: lastSeen };
    }
    case 'END_OF_PROGRAMME': {
      let exitOn = start + rng.triangular(300, 365, 420);
      // Those who joined late leave when the project closes, in mid-December 2008.
      if (exitOn > latestExit) exitOn = END - rng.int(8, 16);
      exitOn = workingDay(exitOn, start, END);
      return { outcomeOn: null, shortJobOn: null, exitOn, exitReason: 'END_OF_PROGRAMME', searchEnd: exitOn, coachingEnd: exitOn };
    }
    case 'TRAINING':
      return plain(30, 130, 420);
    case 'RETIREMENT':
      return plain(30, 150, 450);
    case 'HEALTH':
      return plain(20, 100, 350);
    case 'RELOCATION':
      return plain(30, 120, 400);
    case 'OTHER':
      return plain(30, 150, 450);
    case 'ACTIVE':
      return { outcomeOn: null, shortJobOn: null, exitOn: null, exitReason: null, searchEnd: END, coachingEnd: END };
  }
}

const within = (rng: Random, [lo, hi]: readonly [number, number]): number => lo + (hi - lo) * rng.float();

/** Records one spell from its start; returns when it ended and why (null: still active at the end of 2008). */
function spell(
  b: JourneyBuilder,
  flavour: ProgrammeFlavour,
  profile: ParticipantProfile,
  plan: Plan,
  start: number,
  firstSpell: boolean,
): Pick<Timeline, 'exitOn' | 'exitReason'> {
  const { rng, participantId } = b;
  const t = timeline(rng, flavour, plan, start, firstSpell);
  const lastDay = t.exitOn ?? END;
  const span = t.searchEnd - start;
  const at = (fraction: number): number => start + Math.round(fraction * span);

  // Coaching: individual sessions all along, group workshops where the programme runs them.
  const coach = (day: number, mode: CoachingMode, durationMinutes: number) =>
    b.add(day, RANK.coaching, {
      type: 'RecordCoachingSession',
      data: { participantId, occurredOn: dateOf(day), mode, durationMinutes, note: b.note('coaching') },
    });
  let day = start + rng.int(0, 10);
  let first = true;
  while (day <= t.coachingEnd) {
    coach(workingDay(day, start, t.coachingEnd), 'INDIVIDUAL', first ? rng.pick([60, 90, 120]) : rng.pick(flavour.individual.minutes));
    first = false;
    day += rng.int(...flavour.individual.everyDays);
  }
  if (flavour.group) {
    day = start + rng.int(3, 24);
    while (day <= t.coachingEnd) {
      if (rng.chance(0.85)) coach(workingDay(day, start, t.coachingEnd), 'GROUP', rng.pick(flavour.group.minutes));
      day += rng.int(...flavour.group.everyDays);
    }
  }
  if (plan === 'JOB' && t.exitOn! > t.outcomeOn! && rng.chance(0.4)) {
    coach(workingDay(rng.int(t.outcomeOn! + 1, t.exitOn!), t.outcomeOn! + 1, t.exitOn!), 'INDIVIDUAL', rng.pick([30, 45, 60]));
  }

  // Referrals to the city's partners.
  const referred = new Set<string>();
  const refer = (partner: string, when: number, lo = start, hi = Math.min(t.searchEnd, lastDay)) => {
    if (referred.has(partner)) return;
    referred.add(partner);
    const on = workingDay(when, lo, hi);
    b.add(on, RANK.referral, {
      type: 'ReferToPartner',
      data: { participantId, occurredOn: dateOf(on), partner, note: null },
    });
  };
  for (const spec of flavour.referrals) {
    if (rng.chance(spec.chance(plan))) refer(spec.partner, at(within(rng, spec.at)));
  }
  if (plan === 'TRAINING' && flavour.trainingPartner) refer(flavour.trainingPartner, lastDay - rng.int(5, 30));

  // Activities, some in sequence (pre-incubation, then incubation).
  const finished = new Map<ActivityKind, { on: number; result: ActivityResult }>();
  for (const spec of flavour.activities) {
    if (!rng.chance(spec.chance(plan))) continue;
    let startOn: number;
    if ('after' in spec.start) {
      const before = finished.get(spec.start.after);
      if (!before || before.result !== 'COMPLETED') continue;
      startOn = before.on + rng.int(...spec.start.gapDays);
    } else {
      startOn = at(within(rng, spec.start));
    }
    const latestStart = t.exitOn === null ? END : t.exitOn - 1;
    if (startOn > latestStart || latestStart < start) continue;
    startOn = workingDay(startOn, start, latestStart);
    b.add(startOn, RANK.activityStart, {
      type: 'StartActivity',
      data: { participantId, occurredOn: dateOf(startOn), activity: spec.kind, provider: spec.provider, note: b.note('activity') },
    });
    const ending = activityEnding(rng, spec.end, spec.completionRate, plan, t, start, startOn, at);
    if (!ending) continue;
    const endOn = workingDay(ending.on, startOn + 1, lastDay);
    if (endOn <= startOn) continue;
    finished.set(spec.kind, { on: endOn, result: ending.result });
    b.add(endOn, RANK.activityEnd, {
      type: 'CompleteActivity',
      data: { participantId, occurredOn: dateOf(endOn), activity: spec.kind, result: ending.result, note: b.note('activity') },
    });
  }

  // Outcomes.
  if (t.shortJobOn !== null) {
    if (flavour.city === 'paris' && rng.chance(0.3)) refer('carrefours-emploi', t.shortJobOn - rng.int(5, 40), start, t.shortJobOn);
    recordJob(b, t.shortJobOn, shortJob(rng, flavour, profile));
  }
  if (t.outcomeOn !== null && (plan === 'JOB' || plan === 'JOB_ACTIVE')) {
    const job = mainJob(rng, flavour, profile);
    if (job.contractType === 'TIME_SHARE' && flavour.city === 'paris') refer('ffge', t.outcomeOn - rng.int(7, 45), start, t.outcomeOn);
    recordJob(b, t.outcomeOn, job);
  }
  if (t.outcomeOn !== null && (plan === 'SELF' || plan === 'SELF_ACTIVE')) {
    const sector = rng.chance(0.5) ? 'M' : rng.chance(0.6) ? profile.lastSector : rng.weighted(SECTORS[flavour.city]);
    b.add(t.outcomeOn, RANK.outcome, {
      type: 'RecordSelfEmployment',
      data: {
        participantId,
        occurredOn: dateOf(t.outcomeOn),
        form: rng.weighted(flavour.forms),
        sector,
        note: b.note('selfEmployment'),
      },
    });
  }
  if (t.exitOn !== null) {
    b.add(t.exitOn, RANK.exit, {
      type: 'RecordExit',
      data: { participantId, occurredOn: dateOf(t.exitOn), reason: t.exitReason!, note: b.note('exit') },
    });
  }
  return t;
}

function activityEnding(
  rng: Random,
  end: readonly [number, number] | 'exit',
  completionRate: number,
  plan: Plan,
  t: Timeline,
  start: number,
  startOn: number,
  at: (fraction: number) => number,
): { on: number; result: ActivityResult } | null {
  const exitOn = t.exitOn;
  if (end === 'exit') {
    if (exitOn === null) return null; // still running at the end of 2008
    if (plan === 'DROPPED_OUT') return { on: Math.max(t.searchEnd, startOn + 1), result: 'ABANDONED' };
    const succeeded = plan === 'SELF' ? rng.chance(completionRate) : false;
    return { on: exitOn, result: succeeded ? 'COMPLETED' : 'ABANDONED' };
  }
  const plannedEnd = Math.max(startOn + 7, at(within(rng, end)), start + 1);
  if (exitOn === null) {
    if (plannedEnd > END) return null;
  } else if (plannedEnd >= exitOn) {
    // The exit comes first.
    if (plan === 'DROPPED_OUT' || plan === 'HEALTH') return { on: Math.max(t.searchEnd, startOn + 1), result: 'ABANDONED' };
    if (rng.chance(0.5)) return null; // left running: the exit ends it
    const result = exitOn - startOn >= 0.7 * (plannedEnd - startOn) ? 'COMPLETED' : 'ABANDONED';
    return { on: exitOn, result };
  }
  if (rng.chance(completionRate)) return { on: plannedEnd, result: 'COMPLETED' };
  return { on: startOn + Math.max(1, Math.round((plannedEnd - startOn) * within(rng, [0.3, 0.8]))), result: 'ABANDONED' };
}

function recordJob(b: JourneyBuilder, day: number, job: JobData): void {
  b.add(day, RANK.outcome, {
    type: 'RecordJobStart',
    data: { participantId: b.participantId, occurredOn: dateOf(day), ...job, note: b.note('job') },
  });
}

const THIRD_SECTOR_JOBS: Weighted<string> = [['Q', 4], ['S', 4], ['P', 2], ['N', 1]];
const PUBLIC_JOBS: Weighted<string> = [['O', 5], ['P', 2], ['Q', 3]];

function mainJob(rng: Random, flavour: ProgrammeFlavour, profile: ParticipantProfile): JobData {
  const contractType = rng.weighted(flavour.contracts);
  const employerType =
    contractType === 'TIME_SHARE'
      ? rng.chance(0.7)
        ? 'EMPLOYER_GROUP'
        : 'SME'
      : contractType === 'CIVIL_SERVICE'
        ? 'PUBLIC_SECTOR'
        : rng.weighted(flavour.employers);
  const sector =
    employerType === 'THIRD_SECTOR'
      ? rng.weighted(THIRD_SECTOR_JOBS)
      : employerType === 'PUBLIC_SECTOR'
        ? rng.weighted(PUBLIC_JOBS)
        : rng.chance(0.55)
          ? profile.lastSector
          : rng.weighted(flavour.jobSectors);
  const weeklyHours = rng.chance(0.04)
    ? null
    : contractType === 'TIME_SHARE'
      ? rng.pick([14, 16, 21, 24, 28])
      : rng.chance(0.12)
        ? rng.int(18, 30)
        : rng.int(...flavour.fullTimeHours);
  return { contractType, employerType, sector, weeklyHours };
}

function shortJob(rng: Random, flavour: ProgrammeFlavour, profile: ParticipantProfile): JobData {
  const contractType = rng.weighted([
    ['FIXED_TERM_UNDER_6_MONTHS', 5],
    ['TEMPORARY_AGENCY', 4],
    ['SUBSIDISED', 1],
  ] as const);
  const employerType = contractType === 'TEMPORARY_AGENCY' ? rng.pick(['SME', 'LARGE_COMPANY'] as const) : rng.weighted(flavour.employers);
  const sector = rng.chance(0.5) ? profile.lastSector : rng.weighted(flavour.jobSectors);
  const weeklyHours = rng.chance(0.25) ? rng.int(15, 30) : rng.int(...flavour.fullTimeHours);
  return { contractType, employerType, sector, weeklyHours };
}

const FOLLOW_UP_STATUS: Record<ExitReason, Weighted<FollowUpStatus>> = {
  EMPLOYMENT: [['EMPLOYED', 85], ['UNEMPLOYED', 9], ['UNKNOWN', 6]],
  SELF_EMPLOYMENT: [['SELF_EMPLOYED', 84], ['EMPLOYED', 5], ['UNEMPLOYED', 7], ['UNKNOWN', 4]],
  TRAINING: [['IN_TRAINING', 50], ['EMPLOYED', 32], ['UNEMPLOYED', 12], ['UNKNOWN', 6]],
  RETIREMENT: [['RETIRED', 95], ['UNKNOWN', 5]],
  HEALTH: [['UNEMPLOYED', 50], ['UNKNOWN', 30], ['RETIRED', 20]],
  RELOCATION: [['UNKNOWN', 60], ['EMPLOYED', 30], ['UNEMPLOYED', 10]],
  DROPPED_OUT: [['UNEMPLOYED', 50], ['UNKNOWN', 25], ['EMPLOYED', 17], ['SELF_EMPLOYED', 4], ['IN_TRAINING', 4]],
  END_OF_PROGRAMME: [['UNEMPLOYED', 50], ['EMPLOYED', 25], ['UNKNOWN', 15], ['SELF_EMPLOYED', 5], ['IN_TRAINING', 5]],
  OTHER: [['UNEMPLOYED', 45], ['UNKNOWN', 30], ['EMPLOYED', 20], ['IN_TRAINING', 5]],
};

/** The 6-month follow-up (and the 12-month one) for those whose date falls before the end of 2008. */
function followUps(b: JourneyBuilder, reason: ExitReason, exitedOn: number): void {
  const { rng, participantId } = b;
  const hardToReach = reason === 'RELOCATION' || reason === 'DROPPED_OUT';
  const record = (day: number, monthsAfterExit: number, status: FollowUpStatus) =>
    b.add(day, RANK.followUp, {
      type: 'RecordFollowUp',
      data: { participantId, occurredOn: dateOf(day), monthsAfterExit, status, note: b.note('followUp') },
    });
  let status: FollowUpStatus | null = null;
  const sixMonths = exitedOn + rng.int(176, 192);
  if (sixMonths <= END && rng.chance(hardToReach ? 0.5 : 0.82)) {
    status = rng.weighted(FOLLOW_UP_STATUS[reason]);
    record(workingDay(sixMonths, exitedOn + 170, END), 6, status);
  }
  const twelveMonths = exitedOn + rng.int(360, 378);
  if (twelveMonths <= END && rng.chance(hardToReach ? 0.3 : 0.55)) {
    const later = status !== null && status !== 'IN_TRAINING' && rng.chance(0.8) ? status : rng.weighted(FOLLOW_UP_STATUS[reason]);
    record(workingDay(twelveMonths, exitedOn + 350, END), 12, later);
  }
}
