import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { SurvivalCurveView } from '../outcomes/dashboard-view';

@ObjectType('SurvivalPoint')
export class SurvivalPointType {
  @Field(() => Int, {
    description: 'Days since first enrolment; for researchers, the end of a 30-day bin (30 stands for days 0 to 29, 60 for 30 to 59, ...).',
  })
  day!: number;
  @Field(() => Float, {
    description: 'Share of participants still without a job or self-employment on that day (Kaplan-Meier estimate).',
  })
  stillSearching!: number;
  @Field(() => Int, { description: 'Participants still searching that day; perturbed for researchers.' }) atRisk!: number;
  @Field(() => Int, { description: 'Participants who found a job or started a business that day; perturbed for researchers.' })
  events!: number;
}

@ObjectType('SurvivalCurve')
export class SurvivalCurveType implements SurvivalCurveView {
  @Field() city!: string;
  @Field(() => String, { nullable: true }) programme!: string | null;
  @Field(() => Int) participants!: number;
  @Field(() => Int) events!: number;
  @Field(() => Int) censored!: number;
  @Field(() => Int, { nullable: true }) medianDays!: number | null;
  @Field({
    description: `True when the curve is perturbed for this viewer (researchers): participants, events, censored and each point's
atRisk and events are perturbed by the cell key method, each with the key of the participants it counts; the curve and
its median are computed from those, days are grouped into 30-day bins (points and median at bin ends), a bin whose
perturbed events are 0 has no point, and the figures are as of the last month end over.`,
  })
  suppressed!: boolean;
  @Field(() => [SurvivalPointType]) points!: SurvivalPointType[];
}
