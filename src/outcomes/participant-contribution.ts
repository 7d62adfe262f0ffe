import type { Catalogue } from '../catalogue/catalogue';
import {
  CONTRACT_TYPES,
  type CalendarDate,
  type ContractType,
  type ExitReason,
} from '../journey/domain/vocabulary';
import type { OutcomeFact, ParticipantOutcomeFacts } from './outcome-facts';

type Flag = 0 | 1;

/**
 * What one participant adds to its dashboards on a given date (docs/outcomes.md). Flags are 0 | 1 so that
 * dashboards are plain sums, and a change of contribution is a difference of sums.
 */
export interface Contribution {
  /** Of the latest spell: a participant counts once, in that programme. */
  programme: string;
  active: Flag;
  exited: Flag;
  /** Of the latest exit; null while active. */
  exitReason: ExitReason | null;
  positiveExit: Flag;
  neutralExit: Flag;
  jobReturn: Flag;
  businessCreation: Flag;
  followUp6m: Flag;
  sustained6m: Flag;
  jobsByContract: Record<ContractType, number>;
  /** Time to outcome is measured from the first enrolment, across spells. */
  firstEnrolledOn: CalendarDate;
  /** First job or self-employment. */
  outcomeOn: CalendarDate | null;
  /** Without an outcome: the latest exit; null while active, censored then at the asked date. */
  censoredOn: CalendarDate | null;
}

const SUSTAINED_STATUSES: ReadonlySet<string> = new Set(['EMPLOYED', 'SELF_EMPLOYED']);

/**
 * The participant's contribution on `asOf` (business time: facts dated on or before it, whenever
 * recorded), or the live one when `asOf` is null. Null when not enrolled yet on that date.
 */
export function contributionAt(
  p: ParticipantOutcomeFacts,
  asOf: CalendarDate | null,
  exitClasses: Catalogue['exitClasses'],
): Contribution | null {
  const facts = asOf === null ? p.facts : p.facts.filter((f) => f.on <= asOf);

  // "Latest" is by business date, and among facts of the same date by recording order: a fact
  // recorded late but dated earlier must not overturn what happened after it.
  let spellEdge: Extract<OutcomeFact, { kind: 'ENROLLED' | 'EXITED' }> | null = null;
  let programme: string | null = null;
  let firstEnrolledOn: CalendarDate | null = null;
  let outcomeOn: CalendarDate | null = null;
  let followUp6m: Extract<OutcomeFact, { kind: 'FOLLOW_UP' }> | null = null;
  let jobReturn: Flag = 0;
  let businessCreation: Flag = 0;
  const jobsByContract = zeroPerContract();

  for (const fact of facts) {
    switch (fact.kind) {
      case 'ENROLLED':
        if (firstEnrolledOn === null || fact.on < firstEnrolledOn) firstEnrolledOn = fact.on;
        if (spellEdge === null || fact.on >= spellEdge.on) {
          spellEdge = fact;
          programme = fact.programme;
        }
        break;
      case 'EXITED':
        if (spellEdge === null || fact.on >= spellEdge.on) spellEdge = fact;
        break;
      case 'JOB':
        jobReturn = 1;
        jobsByContract[fact.contractType] += 1;
        if (outcomeOn === null || fact.on < outcomeOn) outcomeOn = fact.on;
        break;
      case 'SELF_EMPLOYMENT':
        businessCreation = 1;
        if (outcomeOn === null || fact.on < outcomeOn) outcomeOn = fact.on;
        break;
      case 'FOLLOW_UP':
        if (fact.monthsAfterExit === 6 && (followUp6m === null || fact.on >= followUp6m.on)) followUp6m = fact;
        break;
    }
  }
  if (programme === null || firstEnrolledOn === null) return null;

  const exit = spellEdge?.kind === 'EXITED' ? spellEdge : null;
  const exitClass = exit ? exitClasses[exit.reason] : null;
  return {
    programme,
    active: exit ? 0 : 1,
    exited: exit ? 1 : 0,
    exitReason: exit ? exit.reason : null,
    positiveExit: exitClass === 'POSITIVE' ? 1 : 0,
    neutralExit: exitClass === 'NEUTRAL' ? 1 : 0,
    jobReturn,
    businessCreation,
    followUp6m: followUp6m ? 1 : 0,
    sustained6m: followUp6m && SUSTAINED_STATUSES.has(followUp6m.status) ? 1 : 0,
    jobsByContract,
    firstEnrolledOn,
    outcomeOn,
    censoredOn: outcomeOn === null && exit ? exit.on : null,
  };
}

const NONE_PER_CONTRACT = Object.fromEntries(CONTRACT_TYPES.map((c) => [c, 0])) as Record<ContractType, number>;

// Every contribution has one: a copy costs less than building it anew.
export const zeroPerContract = (): Record<ContractType, number> => ({ ...NONE_PER_CONTRACT });
