import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import { DateTimeScalar } from '../../../graphql/date-time.scalar';
import { MilestoneKind } from '../../../graphql/register-enums';
import type * as v from '../../domain/vocabulary';
import { MilestoneAmendmentType } from './milestone-amendment.type';
import { MilestoneValuesType } from './milestone-values.type';

@ObjectType('Milestone')
export class MilestoneType {
  @Field(() => Int, { description: '1 for the enrolment, then one more per recorded event of the journey.' })
  sequence!: number;
  @Field(() => MilestoneKind) kind!: v.MilestoneKind;
  @Field(() => CalendarDateScalar, { description: 'As corrected, if it was.' }) occurredOn!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field() recordedBy!: string;
  @Field({
    description: "One line a person can read, e.g. 'Job started: PERMANENT, SME, sector J'. Never personal data.",
  })
  summary!: string;
  @Field(() => String, { nullable: true, description: "The adviser's free-text note: personal data, null once erased." })
  note!: string | null;
  @Field(() => MilestoneValuesType, { description: 'Its coded values as they stand, corrections included.' })
  values!: MilestoneValuesType;
  @Field(() => MilestoneValuesType, { nullable: true, description: 'Its values as first recorded, once a correction changed them.' })
  original!: MilestoneValuesType | null;
  @Field({ description: 'True once a correction changed it.' }) corrected!: boolean;
  @Field({ description: 'True once voided: it stays in the case file, and no figure counts it.' }) voided!: boolean;
  @Field(() => [MilestoneAmendmentType], { description: 'Its corrections and voiding, in the order they were recorded.' })
  amendments!: MilestoneAmendmentType[];
}
