import { useState } from 'preact/hooks';
import { query } from '../api/client';
import { LIFE_PATHS } from '../api/documents';
import type { LifePathFilter, LifePathPage } from '../api/types';
import type { Session } from '../auth/session';
import { CatalogueOptions, useCatalogue } from '../common/catalogue';
import { ErrorMessage } from '../common/error-message';
import { citiesInScope } from '../common/scope-cities';
import { useAsync } from '../common/use-async';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { CommonSequences } from './common-sequences';
import { downloadLifePaths } from './download-life-paths';
import { LifePathsTable } from './life-paths-table';

/** The most the API gives at once. */
const PAGE_SIZE = 100;
const OUTCOMES = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'];

/** The filter a form holds: its fields left empty are no filter. */
function filterOfForm(form: HTMLFormElement): LifePathFilter {
  const data = new FormData(form);
  const text = (name: string) => (data.get(name) as string | null) || undefined;
  const year = text('entryYear');
  return { city: text('city'), programme: text('programme'), outcome: text('outcome'), entryYear: year ? Number(year) : undefined };
}

/**
 * The explorer of the anonymised life paths (researchers, coordinators, administrators): filters,
 * the release's k and suppressed count, a page of paths, the most common sequences of steps, and
 * the CSV of the filter. The city filter offers the cities of the caller's scope only: a
 * coordinator's own city, every city for the others.
 */
export function LifePathsPage({ session }: { session: Session }) {
  const tr = useTranslator();
  const { t } = tr;
  const [filter, setFilter] = useState<LifePathFilter>({});
  const [cursor, setCursor] = useState<{ after: string | null; page: number }>({ after: null, page: 1 });
  const [city, setCity] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>(undefined);
  const cities = useCatalogue();
  const catalogue = cities.value ?? [];
  const scope = citiesInScope(catalogue, session, 'readLifePaths');
  // A coordinator of one city reads that city's paths only: no "any city" to offer.
  const ownCity = scope.length < catalogue.length ? session.city : null;
  const paths = useAsync(
    () => query<{ lifePaths: LifePathPage }>(LIFE_PATHS, { filter, first: PAGE_SIZE, after: cursor.after }).then((data) => data.lifePaths),
    [filter, cursor],
  );
  const shownCity = ownCity ?? city;
  const programmes = scope.filter((c) => !shownCity || c.code === shownCity).flatMap((c) => c.programmes);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    setFilter(filterOfForm(event.currentTarget as HTMLFormElement));
    setCursor({ after: null, page: 1 });
  };
  const download = () => {
    setDownloadError(undefined);
    downloadLifePaths(filter).catch(setDownloadError);
  };
  const release = paths.value;
  return (
    <section aria-labelledby="life-paths-title">
      <h1 id="life-paths-title">{t('lifePaths.title')}</h1>
      <p>{t('lifePaths.intro')}</p>
      <form class="toolbar filters" onSubmit={onSubmit} aria-label={t('lifePaths.filters')}>
        <label>
          {t('lifePaths.city')}
          <select name="city" value={shownCity} onChange={(event) => setCity(event.currentTarget.value)}>
            <CatalogueOptions entries={scope} any={ownCity ? undefined : t('lifePaths.anyCity')} />
          </select>
        </label>
        <label>
          {t('lifePaths.programme')}
          <select name="programme">
            <CatalogueOptions entries={programmes} any={t('lifePaths.anyProgramme')} />
          </select>
        </label>
        <label>
          {t('lifePaths.entryYear')}
          <input name="entryYear" type="number" min="2000" max="2100" step="1" inputMode="numeric" placeholder={t('lifePaths.anyYear')} />
        </label>
        <label>
          {t('lifePaths.outcome')}
          <select name="outcome">
            <option value="">{t('lifePaths.anyOutcome')}</option>
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`outcome.${outcome}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary">
          {t('lifePaths.apply')}
        </button>
      </form>
      {cities.error !== undefined && <ErrorMessage error={cities.error} />}
      {paths.error !== undefined && <ErrorMessage error={paths.error} />}
      {downloadError !== undefined && <ErrorMessage error={downloadError} title="error.downloadTitle" />}
      {release && (
        <>
          <p aria-live="polite">{release.releasedAsOf ? t('lifePaths.release', { date: tr.date(release.releasedAsOf) }) : t('lifePaths.noRelease')}</p>
          <dl class="facts">
            <div>
              <dt>{t('lifePaths.k')}</dt>
              <dd data-fact="k">{tr.number(release.k)}</dd>
            </div>
            <div>
              <dt>{t('lifePaths.suppressed')}</dt>
              <dd data-fact="suppressedCount">{tr.number(release.suppressedCount)}</dd>
            </div>
            <div>
              <dt>{t('lifePaths.total')}</dt>
              <dd data-fact="totalCount">{tr.number(release.totalCount)}</dd>
            </div>
          </dl>
          <p>
            <button type="button" class="primary" onClick={download}>
              {t('lifePaths.downloadCsv')}
            </button>
          </p>
          <CommonSequences filter={filter} />
          <LifePathsTable paths={release.edges.map((edge) => edge.node)} page={cursor.page} cities={cities.value} />
          <p class="pager">
            {cursor.page > 1 && (
              <button type="button" onClick={() => setCursor({ after: null, page: 1 })}>
                {t('lifePaths.first')}
              </button>
            )}
            {release.pageInfo.hasNextPage && (
              <button type="button" onClick={() => setCursor({ after: release.pageInfo.endCursor, page: cursor.page + 1 })}>
                {t('lifePaths.more')}
              </button>
            )}
          </p>
        </>
      )}
    </section>
  );
}
