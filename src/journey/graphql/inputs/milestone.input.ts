import { Field, InputType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import { CaseChangeInput } from './case-change.input';
import { IsOptionalText } from './validation-rules';

/** What every milestone of a journey carries beside whose it is: when, and an optional note. */
@InputType({ isAbstract: true })
export abstract class MilestoneInput extends CaseChangeInput {
  @Field(() => CalendarDateScalar) occurredOn!: string;

  @Field(() => String, { nullable: true }) @IsOptionalText() note?: string | null;
}
