import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import type { Clock } from './clock/clock';
import { ClockModule } from './clock/clock.module';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { ImportModule } from './import/import.module';
import { JourneyModule } from './journey/journey.module';
import { OperationsModule } from './operations/operations.module';
import { requestLogging } from './operations/request-logging';
import { ProjectionsModule } from './projections/projections.module';
import { ReadSideModule } from './read-side/read-side.module';
import { StorageModule } from './storage/storage.module';
import { InputValidationPipe } from './validation/input-validation.pipe';
import { WebAppModule } from './web/web-app.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        requestLogging(config),
        ClockModule.forRoot(clock),
        ConfigModule.forRoot(config),
        AuthModule.forRoot(config),
        StorageModule.forRoot(config),
        CatalogueModule.forRoot(config.programmesFile),
        GraphqlApiModule.forRoot(config),
        ProjectionsModule.forRoot(),
        OperationsModule,
        ReadSideModule,
        JourneyModule,
        ImportModule,
        WebAppModule.forRoot(config),
      ],
      providers: [{ provide: APP_PIPE, useClass: InputValidationPipe }],
    };
  }
}
