import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../src/catalogue/built-in-catalogue';

/** Every dashboard scope of the built-in catalogue: each city, and each of its programmes. */
export const SCOPES = BUILT_IN_CATALOGUE.cities.flatMap((c) => [
  { city: c.code, programme: null as string | null },
  ...c.programmes.map((p) => ({ city: c.code, programme: p.code as string | null })),
]);

/** A business date over the generated programme run's years, a little before and after. */
export const programmeDate = fc
  .date({ min: new Date('2006-12-01'), max: new Date('2009-03-01'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
