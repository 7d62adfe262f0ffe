import type { Catalogue } from '../catalogue/catalogue';
import type { KeyVault } from '../personal-data/key-vault.port';
import { nameTokenizer } from '../personal-data/name-blind-index';
import type { Projection, ReadModelCheck } from '../projections/projection';
import { CaseFilesProjection } from './cases/case-files.projection';
import { LifePathsProjection } from './life-paths/life-paths.projection';
import { OutcomesProjection } from './outcomes/outcomes.projection';
import { CASE_SEARCH_CHECK, CaseSearchProjection } from './search/case-search.projection';

/** What the blind index of names is made with: participants' keys, and the secret its key derives from. */
export interface NameIndexKeys {
  keys: KeyVault;
  pseudonymSecret: string;
}

/** The read models folded from the events alone: no key opens anything for them. */
const keyless = (catalogue: Catalogue): Projection[] => [new CaseFilesProjection(catalogue), new OutcomesProjection(catalogue), new LifePathsProjection(catalogue)];

/** Every read model of the service: the app runs them, `npm run projections:rebuild` rebuilds them. */
export const buildProjections = (catalogue: Catalogue, { keys, pseudonymSecret }: NameIndexKeys): Projection[] => [
  ...keyless(catalogue),
  new CaseSearchProjection(keys, nameTokenizer(pseudonymSecret)),
];

/** Every read model's checks, as `buildProjections` has them, without what folding needs: what the verification process runs. */
export const buildReadModelChecks = (catalogue: Catalogue): ReadModelCheck[] => [...keyless(catalogue), CASE_SEARCH_CHECK];
