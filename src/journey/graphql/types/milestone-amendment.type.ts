import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../graphql/date-time.scalar';
import type { AmendmentView } from '../../case/participant-case';

const AmendmentKind = { CORRECTED: 'CORRECTED', VOIDED: 'VOIDED' } as const;
registerEnumType(AmendmentKind, { name: 'AmendmentKind' });

@ObjectType('MilestoneAmendment', { description: 'A correction or the voiding of a milestone: who, when, why, and what changed.' })
export class MilestoneAmendmentType implements AmendmentView {
  @Field(() => Int, { description: 'The sequence of the correction or void itself in the stream.' }) sequence!: number;
  @Field(() => AmendmentKind) kind!: AmendmentView['kind'];
  @Field(() => [String], { name: 'changedFields', description: 'Fields of MilestoneValues the correction changed; none for a void.' })
  changed!: string[];
  @Field(() => String, { nullable: true, description: "Why, as the adviser gave it: free text, sealed like a note, null once personal data is erased." })
  reason!: string | null;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field() recordedBy!: string;
}
