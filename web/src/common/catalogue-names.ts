import type { City } from '../api/types';

/** A programme's name from the catalogue, its code when the catalogue does not know it. */
export const programmeName = (cities: City[] | undefined, code: string): string =>
  cities?.flatMap((city) => city.programmes).find((programme) => programme.code === code)?.name ?? code;

/** A partner's (or provider's) name from the catalogue, its code when the catalogue does not know it. */
export const partnerName = (cities: City[] | undefined, code: string): string =>
  cities?.flatMap((city) => city.partners).find((partner) => partner.code === code)?.name ?? code;
