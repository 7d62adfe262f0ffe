import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Caller } from '../../auth/caller.decorator';
import type { Principal } from '../../auth/principal';
import { Requires } from '../../auth/requires.decorator';
import { ExecuteJourneyCommand } from '../application/execute-journey-command';
import type { SealedCase } from '../case/sealed-case';
import type { JourneyCommand } from '../domain/commands';
import { AddNoteInput } from './inputs/add-note.input';
import { CompleteActivityInput } from './inputs/complete-activity.input';
import { CorrectMilestoneInput } from './inputs/correct-milestone.input';
import { EnrolParticipantInput } from './inputs/enrol-participant.input';
import { ErasePersonalDataInput } from './inputs/erase-personal-data.input';
import { ReEnrolParticipantInput } from './inputs/re-enrol-participant.input';
import { RecordCoachingSessionInput } from './inputs/record-coaching-session.input';
import { RecordExitInput } from './inputs/record-exit.input';
import { RecordFollowUpInput } from './inputs/record-follow-up.input';
import { RecordJobStartInput } from './inputs/record-job-start.input';
import { RecordSelfEmploymentInput } from './inputs/record-self-employment.input';
import { ReferToPartnerInput } from './inputs/refer-to-partner.input';
import { StartActivityInput } from './inputs/start-activity.input';
import { UpdatePersonalDetailsInput } from './inputs/update-personal-details.input';
import { VoidMilestoneInput } from './inputs/void-milestone.input';
import { ParticipantCaseType } from './types/participant-case.type';

interface CommandInput {
  commandId?: string | null;
  expectedVersion?: number | null;
  toCommand(): JourneyCommand;
}

@Resolver(() => ParticipantCaseType)
export class JourneyResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => ParticipantCaseType)
  @Requires('recordMilestones')
  enrolParticipant(@Args('input') input: EnrolParticipantInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType)
  @Requires('recordMilestones')
  recordCoachingSession(@Args('input') input: RecordCoachingSessionInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType)
  @Requires('recordMilestones')
  startActivity(@Args('input') input: StartActivityInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType)
  @Requires('recordMilestones')
  completeActivity(@Args('input') input: CompleteActivityInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType)
  @Requires('recordMilestones')
  referToPartner(@Args('input') input: ReferToPartnerInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType)
  @Requires('recordMilestones')
  recordJobStart(@Args('input') input: RecordJobStartInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType)
  @Requires('recordMilestones')
  recordSelfEmployment(@Args('input') input: RecordSelfEmploymentInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType)
  @Requires('recordMilestones')
  recordExit(@Args('input') input: RecordExitInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType)
  @Requires('recordMilestones')
  recordFollowUp(@Args('input') input: RecordFollowUpInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType)
  @Requires('recordMilestones')
  reEnrolParticipant(@Args('input') input: ReEnrolParticipantInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType, {
    description:
      "Puts a recorded milestone right with new values and a reason; the case file keeps the original. Refused with a rule's code when the corrected journey would break it.",
  })
  @Requires('recordMilestones')
  correctMilestone(@Args('input') input: CorrectMilestoneInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType, {
    description: "Takes a milestone out of the journey with a reason; it stays in the case file, marked voided. Refused with a rule's code when the journey would break one without it.",
  })
  @Requires('recordMilestones')
  voidMilestone(@Args('input') input: VoidMilestoneInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType, { description: 'New name or contact details, sealed like the enrolment\'s; refused with ERASED after erasure.' })
  @Requires('recordMilestones')
  updatePersonalDetails(@Args('input') input: UpdatePersonalDetailsInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType, { description: 'A note on the case that belongs to no milestone; refused with ERASED after erasure.' })
  @Requires('recordMilestones')
  addNote(@Args('input') input: AddNoteInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  @Mutation(() => ParticipantCaseType, {
    description: "Deletes the participant's key: name, contact details and notes can never be read again.",
  })
  @Requires('erasePersonalData')
  erasePersonalData(@Args('input') input: ErasePersonalDataInput, @Caller() caller: Principal) {
    return this.execute(input, caller);
  }

  private execute(input: CommandInput, caller: Principal): Promise<SealedCase> {
    const envelope = { commandId: input.commandId ?? null, expectedVersion: input.expectedVersion ?? null, caller };
    return this.commandBus.execute(new ExecuteJourneyCommand(input.toCommand(), envelope));
  }
}
