import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ContractType, EmployerType } from '../../../graphql/register-enums';
import type { RecordJobStart } from '../../domain/commands';
import type * as v from '../../domain/vocabulary';
import { MilestoneInput } from './milestone.input';
import { IsNaceSection } from './validation-rules';

@InputType()
export class RecordJobStartInput extends MilestoneInput {
  @Field(() => ContractType) contractType!: v.ContractType;
  @Field(() => EmployerType) employerType!: v.EmployerType;
  @Field({ description: 'NACE Rev. 2 section letter, A to U.' }) @IsNaceSection() sector!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(60) weeklyHours?: number | null;

  toCommand(): RecordJobStart {
    const { participantId, occurredOn, contractType, employerType, sector, weeklyHours, note } = this;
    return {
      type: 'RecordJobStart',
      data: { participantId, occurredOn, contractType, employerType, sector, weeklyHours: weeklyHours ?? null, note: note ?? null },
    };
  }
}
