import { serviceErrorOf } from '../api/failure';
import { serviceFetch } from '../api/service-fetch';
import type { LifePathFilter } from '../api/types';
import { currentSession } from '../auth/session';
import { saveBlob } from '../common/csv';

/** The file name the service gives the download (it carries the release's date). */
const fileName = (response: Response): string => /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'life-paths.csv';

/** The life paths of a filter as the service's CSV (GET /exports/life-paths.csv with the bearer token), saved as a file. */
export async function downloadLifePaths(filter: LifePathFilter): Promise<void> {
  const parameters = new URLSearchParams(Object.entries(filter).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])));
  const response = await serviceFetch(`/exports/life-paths.csv?${parameters}`, { headers: { authorization: `Bearer ${currentSession()?.accessToken ?? ''}` } });
  if (!response.ok) throw await serviceErrorOf(response);
  saveBlob(await response.blob(), fileName(response));
}
