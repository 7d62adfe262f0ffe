import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import * as e from '../../../graphql/register-enums';
import type { CorrectMilestone } from '../../domain/commands';
import { CORRECTABLE_FIELDS, type CorrectedField, type CorrectedFields } from '../../domain/milestone-fields';
import type * as v from '../../domain/vocabulary';
import { CaseChangeInput } from './case-change.input';
import { IsNaceSection, IsOptionalText, IsText } from './validation-rules';

const optional = { nullable: true } as const;
/** Every field a correction may name, whatever the milestone's kind; the enrolment's city only to be refused clearly. */
const FIELDS: readonly CorrectedField[] = ['city', ...new Set(Object.values(CORRECTABLE_FIELDS).flat())];

@InputType({
  description:
    "The milestone's new values: give only the fields of its kind that change (MilestoneValues names them); an absent field keeps its value, null empties a field that may be empty.",
})
export class CorrectMilestoneInput extends CaseChangeInput implements CorrectedFields {
  @Field(() => Int, { description: 'The sequence of the milestone to correct, as the timeline gives it.' }) @IsInt() @Min(1) sequence!: number;
  @Field({ description: 'Why it is corrected; shown in the case file. Free text, sealed like a note: it reads as null once personal data is erased.' }) @IsText() reason!: string;
  @Field(() => String, { nullable: true, description: "Replaces the milestone's note; absent or null keeps it." })
  @IsOptionalText()
  note?: string | null;

  @Field(() => CalendarDateScalar, optional) occurredOn?: string;
  @Field(() => String, { nullable: true, description: 'Never correctable: a move between cities is an exit and a new enrolment.' })
  @IsOptional()
  @IsString()
  city?: string;
  @Field(() => String, optional) @IsOptional() @IsString() programme?: string;
  @Field(() => Int, optional) @IsOptional() @IsInt() birthYear?: number;
  @Field(() => e.Gender, optional) gender?: v.Gender;
  @Field(() => e.EducationLevel, optional) educationLevel?: v.EducationLevel;
  @Field(() => e.PositionLevel, optional) positionLevel?: v.PositionLevel;
  @Field(() => String, optional) @IsOptional() @IsNaceSection() lastSector?: string;
  @Field(() => CalendarDateScalar, optional) unemployedSince?: string | null;
  @Field(() => e.IncomeSupport, optional) incomeSupport?: v.IncomeSupport;
  @Field(() => e.CoachingMode, optional) mode?: v.CoachingMode;
  @Field(() => Int, optional) @IsOptional() @IsInt() @Min(1) @Max(600) durationMinutes?: number;
  @Field(() => e.ActivityKind, optional) activity?: v.ActivityKind;
  @Field(() => String, optional) @IsOptional() @IsString() provider?: string | null;
  @Field(() => e.ActivityResult, optional) result?: v.ActivityResult;
  @Field(() => String, optional) @IsOptional() @IsString() partner?: string;
  @Field(() => e.ContractType, optional) contractType?: v.ContractType;
  @Field(() => e.EmployerType, optional) employerType?: v.EmployerType;
  @Field(() => String, optional) @IsOptional() @IsNaceSection() sector?: string;
  @Field(() => Int, optional) @IsOptional() @IsInt() @Min(1) @Max(60) weeklyHours?: number | null;
  @Field(() => e.SelfEmploymentForm, optional) form?: v.SelfEmploymentForm;
  @Field(() => e.ExitReason, optional) exitReason?: v.ExitReason;
  @Field(() => Int, optional) @IsOptional() @IsInt() @Min(1) @Max(36) monthsAfterExit?: number;
  @Field(() => e.FollowUpStatus, optional) status?: v.FollowUpStatus;

  toCommand(): CorrectMilestone {
    const { participantId, sequence, reason, note } = this;
    const changes = Object.fromEntries(FIELDS.filter((f) => this[f] !== undefined).map((f) => [f, this[f]])) as CorrectedFields;
    return { type: 'CorrectMilestone', data: { participantId, sequence, reason, changes, note: note ?? null } };
  }
}
