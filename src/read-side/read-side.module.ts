import { Global, Module } from '@nestjs/common';
import type { Catalogue } from '../catalogue/catalogue';
import { CATALOGUE } from '../catalogue/catalogue.tokens';
import { PROJECTIONS } from '../projections/projection.tokens';
import { CaseFilesReader } from './cases/case-files.reader';
import { CaseFilesResolver } from './graphql/case-files.resolver';
import { DashboardsResolver } from './graphql/dashboards.resolver';
import { DashboardUpdates } from './outcomes/dashboard-updates';
import { OutcomesReader } from './outcomes/outcomes.reader';
import { buildProjections } from './projections.registry';

/** The read models, their queries and the live dashboard updates. */
@Global()
@Module({
  providers: [
    { provide: PROJECTIONS, useFactory: (catalogue: Catalogue) => buildProjections(catalogue), inject: [CATALOGUE] },
    CaseFilesReader,
    OutcomesReader,
    DashboardUpdates,
    CaseFilesResolver,
    DashboardsResolver,
  ],
  exports: [PROJECTIONS],
})
export class ReadSideModule {}
