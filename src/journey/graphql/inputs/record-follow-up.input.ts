import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { FollowUpStatus } from '../../../graphql/register-enums';
import type { RecordFollowUp } from '../../domain/commands';
import type * as v from '../../domain/vocabulary';
import { MilestoneInput } from './milestone.input';

@InputType()
export class RecordFollowUpInput extends MilestoneInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(36) monthsAfterExit!: number;
  @Field(() => FollowUpStatus) status!: v.FollowUpStatus;

  toCommand(): RecordFollowUp {
    const { participantId, occurredOn, monthsAfterExit, status, note } = this;
    return { type: 'RecordFollowUp', data: { participantId, occurredOn, monthsAfterExit, status, note: note ?? null } };
  }
}
