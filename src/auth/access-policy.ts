import { Forbidden } from './access-errors';
import { ALL_CITIES, type Principal, type Role, withArticle } from './principal';

/** What an operation needs (the table of docs/access-and-privacy.md, one row each). */
export type Capability =
  | 'recordMilestones'
  | 'erasePersonalData'
  | 'readCaseFiles'
  | 'readOutcomes'
  | 'readLifePaths'
  | 'readCatalogue'
  | 'importJourneys';

/** `own-city`: the city of the token only (or every city for '*'); `any`: every city. */
type Reach = 'own-city' | 'any' | 'none';

const POLICY: Record<Capability, Record<Role, Reach>> = {
  recordMilestones: { adviser: 'own-city', coordinator: 'none', researcher: 'none', admin: 'none' },
  erasePersonalData: { adviser: 'own-city', coordinator: 'none', researcher: 'none', admin: 'any' },
  readCaseFiles: { adviser: 'own-city', coordinator: 'none', researcher: 'none', admin: 'any' },
  readOutcomes: { adviser: 'own-city', coordinator: 'own-city', researcher: 'any', admin: 'any' },
  readLifePaths: { adviser: 'none', coordinator: 'own-city', researcher: 'any', admin: 'any' },
  readCatalogue: { adviser: 'any', coordinator: 'any', researcher: 'any', admin: 'any' },
  importJourneys: { adviser: 'none', coordinator: 'none', researcher: 'none', admin: 'any' },
};

/**
 * The one place that says who may do what, where. `city` is the city the operation touches;
 * undefined asks only whether the role may use the capability at all.
 */
export function assertAllowed(principal: Principal, capability: Capability, city?: string): void {
  const refused = refusal(principal, capability, city);
  if (refused !== null) throw new Forbidden(refused);
}

/** assertAllowed's answer, for an operation that answers a refusal as it answers nothing found. */
export const isAllowed = (principal: Principal, capability: Capability, city?: string): boolean =>
  refusal(principal, capability, city) === null;

function refusal(principal: Principal, capability: Capability, city: string | undefined): string | null {
  const reach = POLICY[capability][principal.role];
  const who = withArticle(principal.role, { capital: true });
  if (reach === 'none') return `${who} may not ${describe(capability)}`;
  if (reach === 'own-city' && city !== undefined && principal.city !== ALL_CITIES && principal.city !== city) {
    return `${who} of ${principal.city} may not ${describe(capability)} of ${city}`;
  }
  return null;
}

/** The only city a principal may see with this capability, or null when it may see every city. */
export function cityScope(principal: Principal, capability: Capability): string | null {
  assertAllowed(principal, capability);
  const ownCity = POLICY[capability][principal.role] === 'own-city' && principal.city !== ALL_CITIES;
  return ownCity ? principal.city : null;
}

/** Researchers see outcome figures perturbed by the cell key method; other roles exactly (docs/access-and-privacy.md). */
export const seesExactFigures = (principal: Principal): boolean => principal.role !== 'researcher';

function describe(capability: Capability): string {
  return {
    recordMilestones: 'record milestones',
    erasePersonalData: 'erase personal data',
    readCaseFiles: 'read case files',
    readOutcomes: 'read outcome figures',
    readLifePaths: 'read life paths',
    readCatalogue: 'read the catalogue',
    importJourneys: 'import journeys',
  }[capability];
}
