import { Field, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import type { ReferToPartner } from '../../domain/commands';
import { MilestoneInput } from './milestone.input';

@InputType()
export class ReferToPartnerInput extends MilestoneInput {
  @Field({ description: "Partner code from the participant's city's catalogue." }) @IsString() partner!: string;

  toCommand(): ReferToPartner {
    const { participantId, occurredOn, partner, note } = this;
    return { type: 'ReferToPartner', data: { participantId, occurredOn, partner, note: note ?? null } };
  }
}
