import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../../../graphql/calendar-date.scalar';
import { DateTimeScalar } from '../../../graphql/date-time.scalar';
import { ActivityKind, ExitReason, OutcomeClass, ParticipantStatus } from '../../../graphql/register-enums';
import type { ParticipantCaseView } from '../../case/participant-case';
import type * as v from '../../domain/vocabulary';
import { CaseNoteType } from './case-note.type';
import { MilestoneType } from './milestone.type';
import { ParticipantProfileType } from './participant-profile.type';
import { PersonalDetailsType } from './personal-details.type';

@ObjectType('ParticipantCase')
export class ParticipantCaseType implements Omit<ParticipantCaseView, 'timeline'> {
  @Field(() => ID) id!: string;
  @Field({ description: "Short reference to say on the phone, such as PAR-0042: the city's prefix and the case's number among its enrolments." })
  reference!: string;
  @Field(() => Int, { description: "Number of events in the participant's stream; pass it back as expectedVersion." })
  version!: number;
  @Field() city!: string;
  @Field({ description: "The current spell's programme." }) programme!: string;
  @Field(() => ParticipantStatus) status!: v.ParticipantStatus;
  @Field(() => CalendarDateScalar, { description: 'Start of the current spell: the latest enrolment or re-enrolment.' })
  enrolledOn!: string;
  @Field(() => CalendarDateScalar, { description: 'The first enrolment, from which time to outcome is counted.' })
  firstEnrolledOn!: string;
  @Field(() => CalendarDateScalar, { nullable: true }) exitedOn!: string | null;
  @Field(() => ExitReason, { nullable: true }) exitReason!: v.ExitReason | null;
  @Field(() => OutcomeClass, { nullable: true }) outcome!: v.OutcomeClass | null;
  @Field(() => ParticipantProfileType) profile!: ParticipantProfileType;
  @Field(() => PersonalDetailsType, {
    nullable: true,
    description: "Null once erased, and for every role but ADVISER of the participant's city and ADMIN.",
  })
  personal!: PersonalDetailsType | null;
  @Field() personalDataErased!: boolean;
  @Field(() => [ActivityKind]) activeActivities!: readonly v.ActivityKind[];
  @Field(() => CalendarDateScalar, {
    description:
      'The date of the latest milestone that counts: not voided, as corrected, an erasure left out (the service dates it). The date participants(noMilestoneForDays:) goes by.',
  })
  lastMilestoneOn!: string;
  @Field(() => DateTimeScalar, { description: "When the case's latest event of any kind (a milestone, correction, void, note or new personal details) was recorded." })
  updatedAt!: string;
  @Field(() => [MilestoneType], { description: 'Every milestone in the order recorded, voided ones included (marked so).' })
  timeline!: MilestoneType[];
  @Field(() => [CaseNoteType], { description: "Advisers' notes that belong to no milestone, in the order recorded." })
  notes!: CaseNoteType[];
}
