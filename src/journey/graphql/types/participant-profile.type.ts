import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import { EducationLevel, Gender, IncomeSupport, PositionLevel } from '../../../graphql/register-enums';
import type * as v from '../../domain/vocabulary';

@ObjectType('ParticipantProfile')
export class ParticipantProfileType {
  @Field(() => Int) birthYear!: number;
  @Field(() => Gender) gender!: v.Gender;
  @Field(() => EducationLevel) educationLevel!: v.EducationLevel;
  @Field(() => PositionLevel) positionLevel!: v.PositionLevel;
  @Field({ description: 'NACE Rev. 2 section letter, A to U.' }) lastSector!: string;
  @Field(() => CalendarDateScalar, { nullable: true }) unemployedSince!: string | null;
  @Field(() => IncomeSupport) incomeSupport!: v.IncomeSupport;
}
