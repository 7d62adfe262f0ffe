import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import { CASE_LIST } from '../api/case-documents';
import type { CaseListPage } from '../api/case-types';
import type { City } from '../api/types';
import { ErrorMessage } from '../common/error-message';
import { useAsync } from '../common/use-async';
import { useTranslator } from '../i18n/i18n';
import { CASE_PAGE_SIZE, type CaseListChoices, listArguments } from './case-list-query';
import { CaseListTable } from './case-list-table';

/**
 * The cases of the choices, a page at a time: their count, the page, and the way to the next page
 * and back. The API's cursors only go forward: the cursors of the pages seen are kept to go back.
 * While a page loads the one shown stays, its buttons inactive but keeping the focus. What it says of
 * itself (loading, the count) goes to `onStatus`, for the page's live region, which outlives it.
 */
export function CaseListResults({ choices, cities, onStatus }: { choices: CaseListChoices; cities: City[] | undefined; onStatus: (status: string) => void }) {
  const tr = useTranslator();
  const { t } = tr;
  // The cursor each page seen starts after: null for the first.
  const [starts, setStarts] = useState<(string | null)[]>([null]);
  const page = starts.length;
  const list = useAsync(
    () =>
      query<{ participants: CaseListPage }>(CASE_LIST, { ...listArguments(choices), first: CASE_PAGE_SIZE, after: starts[page - 1] }).then((data) => ({
        page,
        cases: data.participants,
      })),
    [starts],
  );
  const loading = list.value?.page !== page;
  const cases = list.value?.cases;
  const shownPage = list.value?.page ?? 1;
  const first = (shownPage - 1) * CASE_PAGE_SIZE + 1;
  const range = cases && cases.edges.length > 0 ? t('cases.range', { from: tr.number(first), to: tr.number(first + cases.edges.length - 1), count: tr.number(cases.totalCount) }) : '';
  const count = cases ? `${t('cases.count', { count: cases.totalCount })} ${range}`.trim() : '';
  const status = list.error !== undefined ? '' : loading ? t('app.loading') : count;
  useEffect(() => onStatus(status), [status]);
  if (list.error !== undefined) return <ErrorMessage error={list.error} />;
  if (!cases) return <p>{t('app.loading')}</p>;
  const onPrevious = () => !loading && shownPage > 1 && setStarts(starts.slice(0, -1));
  const onNext = () => !loading && cases.pageInfo.hasNextPage && setStarts([...starts, cases.pageInfo.endCursor]);
  return (
    <>
      <p class="case-count">
        <strong data-total-count={cases.totalCount}>{t('cases.count', { count: cases.totalCount })}</strong>
        {range && <> {range}</>}
      </p>
      {cases.edges.length === 0 ? (
        <p class="note">{t('cases.none')}</p>
      ) : (
        <CaseListTable cases={cases.edges.map((edge) => edge.node)} page={shownPage} cities={cities} />
      )}
      {(shownPage > 1 || cases.pageInfo.hasNextPage) && (
        <nav class="pager" aria-label={t('cases.pages')}>
          <button type="button" class="previous-page" aria-disabled={loading || shownPage === 1} onClick={onPrevious}>
            {t('cases.previous')}
          </button>
          <button type="button" class="next-page" aria-disabled={loading || !cases.pageInfo.hasNextPage} onClick={onNext}>
            {t('cases.next')}
          </button>
        </nav>
      )}
    </>
  );
}
