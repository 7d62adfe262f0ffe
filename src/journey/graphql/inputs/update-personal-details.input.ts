import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import type { UpdatePersonalDetails } from '../../domain/commands';
import { CaseChangeInput } from './case-change.input';
import { PersonalDetailsInput } from './personal-details.input';

@InputType()
export class UpdatePersonalDetailsInput extends CaseChangeInput {
  @Field(() => PersonalDetailsInput, { description: 'The details in full: what is left out is no longer known.' })
  @ValidateNested()
  @Type(() => PersonalDetailsInput)
  personal!: PersonalDetailsInput;

  toCommand(): UpdatePersonalDetails {
    const { participantId, personal } = this;
    return {
      type: 'UpdatePersonalDetails',
      data: { participantId, personal: { fullName: personal.fullName, email: personal.email ?? null, phone: personal.phone ?? null } },
    };
  }
}
