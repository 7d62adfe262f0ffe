import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import type { ErasePersonalData } from '../../domain/commands';
import { COMMAND_ID_DESCRIPTION, IsOptionalCommandId, IsText } from './validation-rules';

@InputType()
export class ErasePersonalDataInput {
  @Field(() => ID) @IsUUID() participantId!: string;
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION }) @IsOptionalCommandId() commandId?: string | null;
  @Field({ description: "Why the data is erased (e.g. the participant asked for it): free text, sealed under the participant's key like a note, so it is gone with the key." })
  @IsText()
  reason!: string;

  toCommand(): ErasePersonalData {
    return { type: 'ErasePersonalData', data: { participantId: this.participantId, reason: this.reason } };
  }
}
