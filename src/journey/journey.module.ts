import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExecuteJourneyCommandHandler } from './application/execute-journey-command';
import { JourneyRepository } from './application/journey-repository';
import { CaseNoteTextResolver, CasePersonalDataResolver, MilestoneFieldsResolver } from './graphql/case-personal-data.resolver';
import { JourneyResolver } from './graphql/journey.resolver';

@Module({
  imports: [CqrsModule],
  providers: [JourneyRepository, ExecuteJourneyCommandHandler, JourneyResolver, CasePersonalDataResolver, MilestoneFieldsResolver, CaseNoteTextResolver],
})
export class JourneyModule {}
