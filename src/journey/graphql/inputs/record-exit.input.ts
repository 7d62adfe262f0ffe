import { Field, InputType } from '@nestjs/graphql';
import { ExitReason } from '../../../graphql/register-enums';
import type { RecordExit } from '../../domain/commands';
import type * as v from '../../domain/vocabulary';
import { MilestoneInput } from './milestone.input';

@InputType()
export class RecordExitInput extends MilestoneInput {
  @Field(() => ExitReason) reason!: v.ExitReason;

  toCommand(): RecordExit {
    const { participantId, occurredOn, reason, note } = this;
    return { type: 'RecordExit', data: { participantId, occurredOn, reason, note: note ?? null } };
  }
}
