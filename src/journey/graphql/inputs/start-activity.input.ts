import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { ActivityKind } from '../../../graphql/register-enums';
import type { StartActivity } from '../../domain/commands';
import type * as v from '../../domain/vocabulary';
import { MilestoneInput } from './milestone.input';

@InputType()
export class StartActivityInput extends MilestoneInput {
  @Field(() => ActivityKind) activity!: v.ActivityKind;
  @Field(() => String, { nullable: true, description: "Partner code from the city's catalogue, when a partner delivers it." })
  @IsOptional()
  @IsString()
  provider?: string | null;

  toCommand(): StartActivity {
    const { participantId, occurredOn, activity, provider, note } = this;
    return { type: 'StartActivity', data: { participantId, occurredOn, activity, provider: provider ?? null, note: note ?? null } };
  }
}
