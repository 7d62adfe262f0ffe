import { randomUUID } from 'node:crypto';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import { EducationLevel, Gender, IncomeSupport, PositionLevel } from '../../../graphql/register-enums';
import type { EnrolParticipant } from '../../domain/commands';
import type * as v from '../../domain/vocabulary';
import { PersonalDetailsInput } from './personal-details.input';
import { COMMAND_ID_DESCRIPTION, IsNaceSection, IsOptionalCommandId, IsOptionalText } from './validation-rules';

@InputType()
export class EnrolParticipantInput {
  @Field(() => ID, { nullable: true, description: 'Optional client-chosen UUID, so that a retry cannot enrol twice.' })
  @IsOptional()
  @IsUUID()
  participantId?: string | null;
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION }) @IsOptionalCommandId() commandId?: string | null;
  @Field() @IsString() city!: string;
  @Field() @IsString() programme!: string;
  @Field(() => CalendarDateScalar) enrolledOn!: string;
  /** Its range depends on today's date, so the domain checks it. */
  @Field(() => Int) @IsInt() birthYear!: number;
  @Field(() => Gender) gender!: v.Gender;
  @Field(() => EducationLevel) educationLevel!: v.EducationLevel;
  @Field(() => PositionLevel) positionLevel!: v.PositionLevel;
  @Field({ description: 'NACE Rev. 2 section letter, A to U.' }) @IsNaceSection() lastSector!: string;
  @Field(() => CalendarDateScalar, { nullable: true }) unemployedSince?: string | null;
  @Field(() => IncomeSupport) incomeSupport!: v.IncomeSupport;
  @Field(() => PersonalDetailsInput) @ValidateNested() @Type(() => PersonalDetailsInput) personal!: PersonalDetailsInput;
  @Field(() => String, { nullable: true }) @IsOptionalText() note?: string | null;

  toCommand(): EnrolParticipant {
    const { personal } = this;
    return {
      type: 'EnrolParticipant',
      data: {
        participantId: this.participantId ?? randomUUID(),
        occurredOn: this.enrolledOn,
        city: this.city,
        programme: this.programme,
        profile: {
          birthYear: this.birthYear,
          gender: this.gender,
          educationLevel: this.educationLevel,
          positionLevel: this.positionLevel,
          lastSector: this.lastSector,
          unemployedSince: this.unemployedSince ?? null,
          incomeSupport: this.incomeSupport,
        },
        personal: { fullName: personal.fullName, email: personal.email ?? null, phone: personal.phone ?? null },
        note: this.note ?? null,
      },
    };
  }
}
