import { Global, Module } from '@nestjs/common';
import type { Catalogue } from '../catalogue/catalogue';
import { CATALOGUE } from '../catalogue/catalogue.tokens';
import { PROJECTIONS } from '../projections/projection.tokens';
import { CaseFilesReader } from './cases/case-files.reader';
import { CaseSearch } from './cases/case-search';
import { CaseFilesResolver } from './graphql/case-files.resolver';
import { CaseReferenceResolver } from './graphql/case-reference.resolver';
import { DashboardsResolver } from './graphql/dashboards.resolver';
import { LifePathsResolver } from './graphql/life-paths.resolver';
import { LifePathsExportController } from './life-paths/life-paths-export.controller';
import { LifePathsReader } from './life-paths/life-paths.reader';
import { DashboardUpdates } from './outcomes/dashboard-updates';
import { OutcomeSeriesReader } from './outcomes/outcome-series.reader';
import { OutcomesReader } from './outcomes/outcomes.reader';
import { buildProjections } from './projections.registry';

/** The read models, their queries, the live dashboard updates and the life-paths export. */
@Global()
@Module({
  providers: [
    { provide: PROJECTIONS, useFactory: (catalogue: Catalogue) => buildProjections(catalogue), inject: [CATALOGUE] },
    CaseFilesReader,
    CaseSearch,
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
  exports: [PROJECTIONS],
})
export class ReadSideModule {}
