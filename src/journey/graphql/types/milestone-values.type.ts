import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import * as e from '../../../graphql/register-enums';
import type { CorrectedFields } from '../../domain/milestone-fields';
import type * as v from '../../domain/vocabulary';

const optional = { nullable: true } as const;

@ObjectType('MilestoneValues', {
  description: "A milestone's coded values, each field given for the kinds of milestone that have it (null otherwise). Never personal data.",
})
export class MilestoneValuesType implements CorrectedFields {
  @Field(() => CalendarDateScalar) occurredOn!: string;
  @Field(() => String, { nullable: true, description: 'Enrolment.' }) city?: string;
  @Field(() => String, { nullable: true, description: 'Enrolment and re-enrolment.' }) programme?: string;
  @Field(() => Int, optional) birthYear?: number;
  @Field(() => e.Gender, optional) gender?: v.Gender;
  @Field(() => e.EducationLevel, optional) educationLevel?: v.EducationLevel;
  @Field(() => e.PositionLevel, optional) positionLevel?: v.PositionLevel;
  @Field(() => String, optional) lastSector?: string;
  @Field(() => CalendarDateScalar, optional) unemployedSince?: string | null;
  @Field(() => e.IncomeSupport, optional) incomeSupport?: v.IncomeSupport;
  @Field(() => e.CoachingMode, optional) mode?: v.CoachingMode;
  @Field(() => Int, optional) durationMinutes?: number;
  @Field(() => e.ActivityKind, optional) activity?: v.ActivityKind;
  @Field(() => String, optional) provider?: string | null;
  @Field(() => e.ActivityResult, optional) result?: v.ActivityResult;
  @Field(() => String, optional) partner?: string;
  @Field(() => e.ContractType, optional) contractType?: v.ContractType;
  @Field(() => e.EmployerType, optional) employerType?: v.EmployerType;
  @Field(() => String, optional) sector?: string;
  @Field(() => Int, optional) weeklyHours?: number | null;
  @Field(() => e.SelfEmploymentForm, optional) form?: v.SelfEmploymentForm;
  @Field(() => e.ExitReason, optional) exitReason?: v.ExitReason;
  @Field(() => Int, optional) monthsAfterExit?: number;
  @Field(() => e.FollowUpStatus, { nullable: true, description: "A follow-up's status." }) status?: v.FollowUpStatus;
}
