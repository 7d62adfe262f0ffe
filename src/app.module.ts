import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { CatalogueModule } from './catalogue/catalogue.module';
import type { AppConfig } from './config/config';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { JourneyModule } from './journey/journey.module';
import { StorageModule } from './storage/storage.module';
import { inputValidationPipe } from './validation/input-validation.pipe';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        StorageModule.forRoot(config.eventStore),
        CatalogueModule.forRoot(config.programmesFile),
        GraphqlApiModule.forRoot(config),
        JourneyModule,
      ],
      providers: [{ provide: APP_PIPE, useValue: inputValidationPipe }],
    };
  }
}
