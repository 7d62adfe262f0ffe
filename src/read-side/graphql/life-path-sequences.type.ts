import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../graphql/calendar-date.scalar';
import { MilestoneKind } from '../../graphql/register-enums';
import type * as v from '../../journey/domain/vocabulary';
import type { CommonSequence } from '../life-paths/common-sequences';
import { SEQUENCE_STEPS } from '../life-paths/common-sequences';

@ObjectType('LifePathSequence')
export class LifePathSequenceType implements CommonSequence {
  @Field(() => [MilestoneKind], {
    description: `The first ${SEQUENCE_STEPS} kinds of step of a path, in order, a kind repeated in a row counted once (fewer when the path has fewer).`,
  })
  kinds!: v.MilestoneKind[];
  @Field(() => Int, { description: 'The paths counted that begin so.' }) count!: number;
  @Field(() => Float, { description: 'count over totalCount, from 0 to 1.' }) share!: number;
}

@ObjectType('LifePathSequences', { description: 'The most common sequences of steps of the released life paths matching a filter.' })
export class LifePathSequencesType {
  @Field(() => [LifePathSequenceType], { description: 'Most common first; of equal counts, in the order of their kinds.' })
  sequences!: LifePathSequenceType[];
  @Field(() => Int, { description: "The paths counted: every released path matching the filter, lifePaths' totalCount." })
  totalCount!: number;
  @Field(() => Int, { description: 'As LifePathConnection.k.' }) k!: number;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'As LifePathConnection.releasedAsOf: the snapshot counted.' })
  releasedAsOf!: string | null;
}
