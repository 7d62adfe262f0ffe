import { Field, InputType } from '@nestjs/graphql';
import { ActivityKind, ActivityResult } from '../../../graphql/register-enums';
import type { CompleteActivity } from '../../domain/commands';
import type * as v from '../../domain/vocabulary';
import { MilestoneInput } from './milestone.input';

@InputType()
export class CompleteActivityInput extends MilestoneInput {
  @Field(() => ActivityKind) activity!: v.ActivityKind;
  @Field(() => ActivityResult) result!: v.ActivityResult;

  toCommand(): CompleteActivity {
    const { participantId, occurredOn, activity, result, note } = this;
    return { type: 'CompleteActivity', data: { participantId, occurredOn, activity, result, note: note ?? null } };
  }
}
