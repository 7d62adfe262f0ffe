import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import { IsOptionalText } from './validation-rules';

/** What every milestone of a journey carries: whose, when, and the retry and concurrency guards. */
@InputType({ isAbstract: true })
export abstract class MilestoneInput {
  @Field(() => ID) @IsUUID() participantId!: string;

  @Field(() => ID, { nullable: true }) @IsOptionalText() commandId?: string | null;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number | null;

  @Field(() => CalendarDateScalar) occurredOn!: string;

  @Field(() => String, { nullable: true }) @IsOptionalText() note?: string | null;
}
