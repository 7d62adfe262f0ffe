import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { SurvivalCurveView } from '../outcomes/dashboard-view';

@ObjectType('SurvivalPoint')
export class SurvivalPointType {
  @Field(() => Int) day!: number;
  @Field(() => Float, {
    description: 'Share of participants still without a job or self-employment on that day (Kaplan-Meier estimate).',
  })
  stillSearching!: number;
  @Field(() => Int) atRisk!: number;
  @Field(() => Int) events!: number;
}

@ObjectType('SurvivalCurve')
export class SurvivalCurveType implements SurvivalCurveView {
  @Field() city!: string;
  @Field(() => String, { nullable: true }) programme!: string | null;
  @Field(() => Int) participants!: number;
  @Field(() => Int) events!: number;
  @Field(() => Int) censored!: number;
  @Field(() => Int, { nullable: true }) medianDays!: number | null;
  @Field({ description: 'For researchers, a curve over fewer than k participants is withheld: no points, no median.' })
  suppressed!: boolean;
  @Field(() => [SurvivalPointType]) points!: SurvivalPointType[];
}
