import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import { DateTimeScalar } from '../../../graphql/date-time.scalar';
import { MilestoneKind } from '../../../graphql/register-enums';
import type { MilestoneView } from '../../case/participant-case';
import type * as v from '../../domain/vocabulary';

@ObjectType('Milestone')
export class MilestoneType implements MilestoneView {
  @Field(() => Int, { description: '1 for the enrolment, then one more per recorded event of the journey.' })
  sequence!: number;
  @Field(() => MilestoneKind) kind!: v.MilestoneKind;
  @Field(() => CalendarDateScalar) occurredOn!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field() recordedBy!: string;
  @Field({
    description: "One line a person can read, e.g. 'Job started: PERMANENT, SME, sector J'. Never personal data.",
  })
  summary!: string;
  @Field(() => String, { nullable: true, description: "The adviser's free-text note: personal data, null once erased." })
  note!: string | null;
}
