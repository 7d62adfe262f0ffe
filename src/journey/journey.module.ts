import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExecuteJourneyCommandHandler } from './application/execute-journey-command';
import { JourneyRepository } from './application/journey-repository';
import { AmendmentReasonResolver, CaseNoteTextResolver, CasePersonalDataResolver, MilestoneFieldsResolver } from './graphql/case-personal-data.resolver';
import { JourneyResolver } from './graphql/journey.resolver';

@Module({
  imports: [CqrsModule],
  providers: [JourneyRepository, ExecuteJourneyCommandHandler, JourneyResolver, CasePersonalDataResolver, MilestoneFieldsResolver, CaseNoteTextResolver, AmendmentReasonResolver],
  exports: [JourneyRepository],
})
export class JourneyModule {}
