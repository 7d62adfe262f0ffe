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

export const findCity = (catalogue: Catalogue, city: string): CityEntry | undefined =>
  catalogue.cities.find((c) => c.code === city);

export const findProgramme = (city: CityEntry, programme: string): ProgrammeEntry | undefined =>
  city.programmes.find((p) => p.code === programme);

export const hasPartner = (city: CityEntry, partner: string): boolean => city.partners.some((p) => p.code === partner);

export const exitClassOf = (catalogue: Catalogue, reason: ExitReason): OutcomeClass => catalogue.exitClasses[reason];
