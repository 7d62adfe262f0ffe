import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import type { ReEnrolParticipant } from '../../domain/commands';
import { MilestoneInput } from './milestone.input';

@InputType()
export class ReEnrolParticipantInput extends MilestoneInput {
  @Field(() => String, { nullable: true, description: 'Another programme of the same city; the current one when absent.' })
  @IsOptional()
  @IsString()
  programme?: string | null;

  toCommand(): ReEnrolParticipant {
    const { participantId, occurredOn, programme, note } = this;
    return { type: 'ReEnrolParticipant', data: { participantId, occurredOn, programme: programme ?? null, note: note ?? null } };
  }
}
