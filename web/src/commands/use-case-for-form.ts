import { useState } from 'preact/hooks';
import { query } from '../api/client';
import { CASE_FOR_FORM } from '../api/command-documents';
import type { CaseForForm } from '../api/command-types';
import type { City } from '../api/types';
import { useCatalogue } from '../common/catalogue';
import { useAsync } from '../common/use-async';
import { notFound } from './not-found';

/** The case a form is for (null when enrolling) and its city in the catalogue, once both are read. */
export interface CaseAndCity {
  caseFile: CaseForForm | null;
  city: City;
}

/** What a form reads before it shows: the case, its city's catalogue; `reload` reads the case again (after a conflict). */
export interface CaseForFormState {
  value: CaseAndCity | undefined;
  error: unknown;
  reload(): Promise<CaseForForm | null>;
}

/**
 * Reads the case (the `participant` query; null from the service is NOT_FOUND: unknown, or of
 * another city) and the catalogue; when enrolling, the adviser's own city.
 */
export function useCaseForForm(caseId: string | null, ownCity: string): CaseForFormState {
  const catalogue = useCatalogue();
  const read = async (): Promise<CaseForForm | null> => {
    if (caseId === null) return null;
    const data = await query<{ participant: CaseForForm | null }>(CASE_FOR_FORM, { id: caseId });
    if (!data.participant) throw notFound();
    return data.participant;
  };
  const first = useAsync(read, [caseId]);
  // The case read again after a conflict takes the place of the first reading.
  const [reloaded, setReloaded] = useState<CaseForForm | null | undefined>(undefined);
  const reload = async () => {
    const value = await read();
    setReloaded(value);
    return value;
  };
  const caseFile = reloaded === undefined ? first : { value: reloaded, error: undefined };

  const error = caseFile.error ?? catalogue.error;
  if (error !== undefined || caseFile.value === undefined || !catalogue.value) return { value: undefined, error, reload };
  const cityCode = caseFile.value?.city ?? ownCity;
  const city = catalogue.value.find((c) => c.code === cityCode);
  if (!city) return { value: undefined, error: notFound(), reload };
  return { value: { caseFile: caseFile.value, city }, error: undefined, reload };
}
