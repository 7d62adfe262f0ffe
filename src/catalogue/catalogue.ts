import type { ExitReason, OutcomeClass } from '../journey/domain/vocabulary';

/** The programme's reference data: cities, their programmes and partners, and the targets. */
export interface Catalogue {
  cities: readonly CityEntry[];
  /** How each exit reason counts in the outcome rates. */
  exitClasses: Readonly<Record<ExitReason, OutcomeClass>>;
}

export interface CityEntry {
  code: string;
  name: string;
  country: string;
  /** IANA time zone whose dates are the city's business dates: today, and the midnight dashboards turn at. */
  timeZone: string;
  /** Letters of its case references (`PAR` of `PAR-0042`); see caseReferencePrefixOf for the default. */
  caseReferencePrefix?: string;
  positiveExitTarget: number;
  programmes: readonly ProgrammeEntry[];
  partners: readonly PartnerEntry[];
}

export interface ProgrammeEntry {
  code: string;
  name: string;
  targets: ProgrammeTargets;
}

export interface ProgrammeTargets {
  positiveExitRate: number | null;
  jobReturnRate: number | null;
  businessCreationRate: number | null;
}

export interface PartnerEntry {
  code: string;
  name: string;
}

/**
 * The time zone of a city a catalogue file gives none for: UTC, the service's dates before cities
 * had zones, so a file written then keeps its meaning.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The time zone of a city's business dates; an unknown city, or none (refused elsewhere), gets the default. */
export const timeZoneOf = (catalogue: Catalogue, city: string | null): string =>
  (city === null ? undefined : findCity(catalogue, city))?.timeZone ?? DEFAULT_TIME_ZONE;

export const findCity = (catalogue: Catalogue, city: string): CityEntry | undefined =>
  catalogue.cities.find((c) => c.code === city);

export const findProgramme = (city: CityEntry, programme: string): ProgrammeEntry | undefined =>
  city.programmes.find((p) => p.code === programme);

export const hasPartner = (city: CityEntry, partner: string): boolean => city.partners.some((p) => p.code === partner);

export const exitClassOf = (catalogue: Catalogue, reason: ExitReason): OutcomeClass => catalogue.exitClasses[reason];
