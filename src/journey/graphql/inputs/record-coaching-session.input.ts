import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { CoachingMode } from '../../../graphql/register-enums';
import type { RecordCoachingSession } from '../../domain/commands';
import type * as v from '../../domain/vocabulary';
import { MilestoneInput } from './milestone.input';

@InputType()
export class RecordCoachingSessionInput extends MilestoneInput {
  @Field(() => CoachingMode) mode!: v.CoachingMode;
  @Field(() => Int) @IsInt() @Min(1) @Max(600) durationMinutes!: number;

  toCommand(): RecordCoachingSession {
    const { participantId, occurredOn, mode, durationMinutes, note } = this;
    return { type: 'RecordCoachingSession', data: { participantId, occurredOn, mode, durationMinutes, note: note ?? null } };
  }
}
