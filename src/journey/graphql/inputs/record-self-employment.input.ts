import { Field, InputType } from '@nestjs/graphql';
import { SelfEmploymentForm } from '../../../graphql/register-enums';
import type { RecordSelfEmployment } from '../../domain/commands';
import type * as v from '../../domain/vocabulary';
import { MilestoneInput } from './milestone.input';
import { IsNaceSection } from './validation-rules';

@InputType()
export class RecordSelfEmploymentInput extends MilestoneInput {
  @Field(() => SelfEmploymentForm) form!: v.SelfEmploymentForm;
  @Field({ description: 'NACE Rev. 2 section letter, A to U.' }) @IsNaceSection() sector!: string;

  toCommand(): RecordSelfEmployment {
    const { participantId, occurredOn, form, sector, note } = this;
    return { type: 'RecordSelfEmployment', data: { participantId, occurredOn, form, sector, note: note ?? null } };
  }
}
