import { Field, InputType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import type { AddNote } from '../../domain/commands';
import { CaseChangeInput } from './case-change.input';
import { IsText } from './validation-rules';

@InputType()
export class AddNoteInput extends CaseChangeInput {
  @Field(() => CalendarDateScalar, { nullable: true, description: 'The day the note is about; today when absent.' })
  writtenOn?: string | null;
  @Field({ description: 'Personal data: sealed like every note, gone once erased.' }) @IsText() text!: string;

  toCommand(): AddNote {
    const { participantId, writtenOn, text } = this;
    return { type: 'AddNote', data: { participantId, occurredOn: writtenOn ?? null, note: text } };
  }
}
