import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { redirectBrowsersToGraphiql } from './graphiql-redirect';
import { WEB_APP_SETTINGS, WebAppController } from './web-app.controller';
import { WebAppFiles } from './web-app-files';

/** The web app of coordinators and researchers, built by Vite into dist/web-app, served at `/` beside the API. */
@Module({})
export class WebAppModule implements NestModule {
  constructor(@Inject(WEB_APP_SETTINGS) private readonly settings: { production: boolean }) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WebAppModule,
      controllers: [WebAppController],
      providers: [{ provide: WebAppFiles, useFactory: () => new WebAppFiles() }, { provide: WEB_APP_SETTINGS, useValue: { production: config.production } }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (!this.settings.production) consumer.apply(redirectBrowsersToGraphiql).forRoutes({ path: 'graphql', method: RequestMethod.GET });
  }
}
