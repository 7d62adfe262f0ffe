import { type DynamicModule, Module } from '@nestjs/common';
import { BUILT_IN_CATALOGUE } from './built-in-catalogue';
import { loadCatalogueFile } from './catalogue-file';
import { CATALOGUE } from './catalogue.tokens';
import { CitiesResolver } from './graphql/cities.resolver';

@Module({})
export class CatalogueModule {
  /** `programmesFile` replaces the built-in catalogue; it is read and checked once, at start. */
  static forRoot(programmesFile: string | null): DynamicModule {
    const catalogue = programmesFile ? loadCatalogueFile(programmesFile) : BUILT_IN_CATALOGUE;
    return {
      module: CatalogueModule,
      global: true,
      providers: [{ provide: CATALOGUE, useValue: catalogue }, CitiesResolver],
      exports: [CATALOGUE],
    };
  }
}
