import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import { DateTimeScalar } from '../../../graphql/date-time.scalar';
import type { CaseNoteView } from '../../case/participant-case';

@ObjectType('CaseNote', { description: "An adviser's note on the case that belongs to no milestone." })
export class CaseNoteType implements CaseNoteView {
  @Field(() => Int) sequence!: number;
  @Field(() => CalendarDateScalar, { description: 'The day the note is about.' }) writtenOn!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field() recordedBy!: string;
  @Field(() => String, { nullable: true, description: 'Personal data: null once erased.' }) note!: string | null;
}
