import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import type { ErasePersonalData } from '../../domain/commands';
import { IsOptionalText, IsText } from './validation-rules';

@InputType()
export class ErasePersonalDataInput {
  @Field(() => ID) @IsUUID() participantId!: string;
  @Field(() => ID, { nullable: true }) @IsOptionalText() commandId?: string | null;
  @Field({ description: 'Why the data is erased (e.g. the participant asked for it); kept for the audit trail.' })
  @IsText()
  reason!: string;

  toCommand(): ErasePersonalData {
    return { type: 'ErasePersonalData', data: { participantId: this.participantId, reason: this.reason } };
  }
}
