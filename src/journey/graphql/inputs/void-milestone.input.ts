import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, Min } from 'class-validator';
import type { VoidMilestone } from '../../domain/commands';
import { CaseChangeInput } from './case-change.input';
import { IsText } from './validation-rules';

@InputType()
export class VoidMilestoneInput extends CaseChangeInput {
  @Field(() => Int, { description: 'The sequence of the milestone to void, as the timeline gives it.' }) @IsInt() @Min(1) sequence!: number;
  @Field({ description: 'Why the milestone is voided (e.g. recorded for the wrong participant); shown in the case file. Free text, sealed like a note: it reads as null once personal data is erased.' })
  @IsText()
  reason!: string;

  toCommand(): VoidMilestone {
    const { participantId, sequence, reason } = this;
    return { type: 'VoidMilestone', data: { participantId, sequence, reason } };
  }
}
