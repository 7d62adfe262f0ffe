import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteJourneyCommand } from '../application/execute-journey-command';
import type { JourneyCommand } from '../domain/commands';
import { CompleteActivityInput } from './inputs/complete-activity.input';
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
import { ParticipantCaseType } from './types/participant-case.type';

interface CommandInput {
  commandId?: string | null;
  expectedVersion?: number | null;
  toCommand(): JourneyCommand;
}

/** Who records a milestone, until access control names the caller. */
const ANONYMOUS = 'anonymous';

@Resolver(() => ParticipantCaseType)
export class JourneyResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => ParticipantCaseType)
  enrolParticipant(@Args('input') input: EnrolParticipantInput) {
    return this.execute(input);
  }

  @Mutation(() => ParticipantCaseType)
  recordCoachingSession(@Args('input') input: RecordCoachingSessionInput) {
    return this.execute(input);
  }

  @Mutation(() => ParticipantCaseType)
  startActivity(@Args('input') input: StartActivityInput) {
    return this.execute(input);
  }

  @Mutation(() => ParticipantCaseType)
  completeActivity(@Args('input') input: CompleteActivityInput) {
    return this.execute(input);
  }

  @Mutation(() => ParticipantCaseType)
  referToPartner(@Args('input') input: ReferToPartnerInput) {
    return this.execute(input);
  }

  @Mutation(() => ParticipantCaseType)
  recordJobStart(@Args('input') input: RecordJobStartInput) {
    return this.execute(input);
  }

  @Mutation(() => ParticipantCaseType)
  recordSelfEmployment(@Args('input') input: RecordSelfEmploymentInput) {
    return this.execute(input);
  }

  @Mutation(() => ParticipantCaseType)
  recordExit(@Args('input') input: RecordExitInput) {
    return this.execute(input);
  }

  @Mutation(() => ParticipantCaseType)
  recordFollowUp(@Args('input') input: RecordFollowUpInput) {
    return this.execute(input);
  }

  @Mutation(() => ParticipantCaseType)
  reEnrolParticipant(@Args('input') input: ReEnrolParticipantInput) {
    return this.execute(input);
  }

  @Mutation(() => ParticipantCaseType, {
    description: "Deletes the participant's key: name, contact details and notes can never be read again.",
  })
  erasePersonalData(@Args('input') input: ErasePersonalDataInput) {
    return this.execute(input);
  }

  private execute(input: CommandInput): Promise<ParticipantCaseType> {
    const envelope = { commandId: input.commandId ?? null, expectedVersion: input.expectedVersion ?? null, actor: ANONYMOUS };
    return this.commandBus.execute(new ExecuteJourneyCommand(input.toCommand(), envelope));
  }
}
