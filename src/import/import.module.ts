import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { JourneyModule } from '../journey/journey.module';
import { ImportsController } from './imports.controller';
import { JourneyImport } from './journey-import';

/** Importing past journeys: the service `npm run import` runs in-process, and the admins' upload. */
@Module({
  imports: [CqrsModule, JourneyModule],
  providers: [JourneyImport],
  controllers: [ImportsController],
  exports: [JourneyImport],
})
export class ImportModule {}
