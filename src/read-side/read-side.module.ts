import { Global, Module } from '@nestjs/common';
import type { Catalogue } from '../catalogue/catalogue';
import { CATALOGUE } from '../catalogue/catalogue.tokens';
import { PROJECTIONS, READ_MODEL_VERIFIER } from '../projections/projection.tokens';
import { CaseFilesReader } from './cases/case-files.reader';
import { CaseSearch } from './cases/case-search';
import { CaseFilesResolver } from './graphql/case-files.resolver';
import { CaseReferenceResolver } from './graphql/case-reference.resolver';
import { DashboardsResolver } from './graphql/dashboards.resolver';
import { LifePathsResolver } from './graphql/life-paths.resolver';
import { LifePathsExportController } from './life-paths/life-paths-export.controller';
import { LIFE_PATHS_CATCHING_UP, projectionCatchingUp } from './life-paths/catching-up';
import { LIFE_PATHS_PROJECTION } from './life-paths/life-paths.projection';
import { LifePathsReader } from './life-paths/life-paths.reader';
import { DashboardUpdates } from './outcomes/dashboard-updates';
import { OutcomeSeriesReader } from './outcomes/outcome-series.reader';
import { OutcomesReader } from './outcomes/outcomes.reader';
import { buildProjections } from './projections.registry';
import { CaseSearchTokensReader } from './search/case-search-tokens.reader';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { KeyVault } from '../personal-data/key-vault.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { KEY_VAULT, READ_MODEL_DATABASE } from '../storage/storage.tokens';
import { readModelVerifier } from './read-model-verification';

/** The read models, their queries, the live dashboard updates and the life-paths export. */
@Global()
@Module({
  providers: [
    {
      provide: PROJECTIONS,
      useFactory: (catalogue: Catalogue, keys: KeyVault, config: AppConfig) => buildProjections(catalogue, { keys, pseudonymSecret: config.pseudonymSecret }),
      inject: [CATALOGUE, KEY_VAULT, APP_CONFIG],
    },
    { provide: READ_MODEL_VERIFIER, useFactory: readModelVerifier, inject: [READ_MODEL_DATABASE, CATALOGUE] },
    {
      provide: LIFE_PATHS_CATCHING_UP,
      useFactory: (runner: ProjectionRunner) => projectionCatchingUp(runner, LIFE_PATHS_PROJECTION),
      inject: [ProjectionRunner],
    },
    CaseFilesReader,
    CaseSearch,
    CaseSearchTokensReader,
    OutcomesReader,
    OutcomeSeriesReader,
    LifePathsReader,
    DashboardUpdates,
    CaseFilesResolver,
    CaseReferenceResolver,
    DashboardsResolver,
    LifePathsResolver,
  ],
  controllers: [LifePathsExportController],
  exports: [PROJECTIONS, READ_MODEL_VERIFIER],
})
export class ReadSideModule {}
