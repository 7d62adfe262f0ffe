import type { Catalogue, CityEntry } from './catalogue';

/** What a city's own `caseReferencePrefix` must be: short enough to say on the phone, letters only. */
export const CASE_REFERENCE_PREFIX = /^[A-Z]{2,5}$/;

/**
 * The letters before the number of a city's case references (`PAR` of `PAR-0042`): its own
 * `caseReferencePrefix`, or the first three letters of its code in capitals. References are
 * formatted when read, so changing a city's prefix changes every reference of that city.
 */
export const caseReferencePrefixOf = (city: Pick<CityEntry, 'code' | 'caseReferencePrefix'>): string =>
  city.caseReferencePrefix ?? city.code.replace(/[^a-z]/g, '').slice(0, 3).toUpperCase();

/** The city whose references start with `prefix` (capitals); undefined when none. */
export const cityOfCaseReferencePrefix = (catalogue: Catalogue, prefix: string): CityEntry | undefined =>
  catalogue.cities.find((city) => caseReferencePrefixOf(city) === prefix);
