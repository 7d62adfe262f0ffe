import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../graphql/calendar-date.scalar';
import { DateTimeScalar } from '../../graphql/date-time.scalar';
import { ContractType, ExitReason } from '../../graphql/register-enums';
import type * as v from '../../journey/domain/vocabulary';
import type { DashboardView } from '../outcomes/dashboard-view';

@ObjectType('ReasonCount')
export class ReasonCountType {
  @Field(() => ExitReason) reason!: v.ExitReason;
  @Field(() => Int, { nullable: true }) count!: number | null;
}

@ObjectType('ContractCount')
export class ContractCountType {
  @Field(() => ContractType) contractType!: v.ContractType;
  @Field(() => Int, { nullable: true }) count!: number | null;
}

@ObjectType('Dashboard', {
  description: `Outcome figures of a city, or of one of its programmes. For researchers every count (the scalar counts,
exitsByReason, jobsByContract) is perturbed by the cell key method: moved by at most 2, never below 0, never published as
1 or 2, unbiased, and the same each time the same participants are counted; a total need not equal the sum of its parts.
Rates and the median are computed from the perturbed counts; researchers' figures are as of a month end the read model has
closed, from the facts it folded by then, and the median is a 30-day bin's end. Researchers' figures count the participants
that month's life-path release shows, not those it withholds (suppressedCount), so that no figure tells of them. Other
roles see exact figures of everyone. Counts are never null
(nullable for clients written when small counts were hidden as null).`,
})
export class DashboardType implements DashboardView {
  @Field() city!: string;
  @Field(() => String, { nullable: true }) programme!: string | null;
  @Field(() => CalendarDateScalar, {
    nullable: true,
    description:
      "Null for the live figures; the business date asked for otherwise. For researchers always a month end: the one asked for, or for live figures the last one the read model has closed (the month before the latest one a fact was recorded in).",
  })
  asOf!: string | null;
  @Field(() => Int, { nullable: true }) enrolled!: number | null;
  @Field(() => Int, { nullable: true }) active!: number | null;
  @Field(() => Int, { nullable: true }) exited!: number | null;
  @Field(() => Int, { nullable: true }) positiveExits!: number | null;
  @Field(() => Int, { nullable: true }) neutralExits!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'positiveExits / (exited - neutralExits), at most 1; null when that denominator is not positive.',
  })
  positiveExitRate!: number | null;
  @Field(() => Float, { nullable: true }) positiveExitTarget!: number | null;
  @Field(() => Int, { nullable: true }) jobReturns!: number | null;
  @Field(() => Float, { nullable: true }) jobReturnRate!: number | null;
  @Field(() => Float, { nullable: true }) jobReturnTarget!: number | null;
  @Field(() => Int, { nullable: true }) businessCreations!: number | null;
  @Field(() => Float, { nullable: true }) businessCreationRate!: number | null;
  @Field(() => Float, { nullable: true }) businessCreationTarget!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Kaplan-Meier median of days from enrolment to first job or self-employment; for researchers, of the perturbed curve.',
  })
  medianDaysToOutcome!: number | null;
  @Field(() => Int, { nullable: true }) followUps6m!: number | null;
  @Field(() => Int, { nullable: true }) sustainedOutcomes6m!: number | null;
  @Field(() => [ReasonCountType]) exitsByReason!: ReasonCountType[];
  @Field(() => [ContractCountType]) jobsByContract!: ContractCountType[];
  @Field({ description: 'True when the counts were perturbed for this viewer (researchers); false when exact.' }) suppressed!: boolean;
  @Field({
    description:
      "Global position of the last event folded into these figures: for figures as of a date, the last one dated on or before it. '0' when none has changed them, and always '0' for researchers (a position beside a small count would tell it).",
  })
  lastEventPosition!: string;
  @Field(() => DateTimeScalar, { description: 'When that event was recorded; when there is none, when the figures were read. For researchers, the instant their month end ended in the city.' })
  updatedAt!: string;
}
