import type { Catalogue } from '../catalogue/catalogue';
import type { Projection } from '../projections/projection';
import { CaseFilesProjection } from './cases/case-files.projection';
import { LifePathsProjection } from './life-paths/life-paths.projection';
import { OutcomesProjection } from './outcomes/outcomes.projection';

/** Every read model of the service: the app runs them, `npm run projections:rebuild` rebuilds them. */
export const buildProjections = (catalogue: Catalogue): Projection[] => [
  new CaseFilesProjection(catalogue),
  new OutcomesProjection(catalogue),
  new LifePathsProjection(catalogue),
];
