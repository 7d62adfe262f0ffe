import { type Catalogue, type ProgrammeTargets, findCity, findProgramme } from '../catalogue/catalogue';

const NO_TARGETS: ProgrammeTargets = { positiveExitRate: null, jobReturnRate: null, businessCreationRate: null };

/**
 * The targets a dashboard is measured against: a programme's own, or for a whole city only its
 * positive-exit target (the catalogue sets no city-wide job-return or business-creation target).
 */
export function targetsOf(catalogue: Catalogue, city: string, programme: string | null): ProgrammeTargets {
  const cityEntry = findCity(catalogue, city);
  if (!cityEntry) return NO_TARGETS;
  if (programme === null) return { ...NO_TARGETS, positiveExitRate: cityEntry.positiveExitTarget };
  return findProgramme(cityEntry, programme)?.targets ?? NO_TARGETS;
}
