import { query } from '../api/client';
import { CITIES } from '../api/documents';
import type { City } from '../api/types';
import { type AsyncState, useAsync } from './use-async';

/** The programme's cities, with their programmes, partners and targets (the `cities` query), read once per page. */
export const useCatalogue = (): AsyncState<City[]> => useAsync(() => query<{ cities: City[] }>(CITIES).then((data) => data.cities), []);

/** A select's options for cities or programmes of the catalogue, after the one meaning "any" when given. */
export function CatalogueOptions({ entries, any }: { entries: { code: string; name: string }[]; any?: string }) {
  return (
    <>
      {any !== undefined && <option value="">{any}</option>}
      {entries.map((entry) => (
        <option key={entry.code} value={entry.code}>
          {entry.name}
        </option>
      ))}
    </>
  );
}

/** The name of a city or programme from the catalogue, its code when unknown. */
export const scopeName = (cities: City[] | undefined, city: string, programme: string | null): string => {
  const found = cities?.find((c) => c.code === city);
  const programmeName = programme && found?.programmes.find((p) => p.code === programme)?.name;
  return programmeName ? `${found!.name} — ${programmeName}` : (found?.name ?? city);
};
