import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { COMMAND_ID_DESCRIPTION, IsOptionalCommandId } from './validation-rules';

/** What every change to a case carries: whose, and the retry and concurrency guards. */
@InputType({ isAbstract: true })
export abstract class CaseChangeInput {
  @Field(() => ID) @IsUUID() participantId!: string;

  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION }) @IsOptionalCommandId() commandId?: string | null;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number | null;
}
