import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../app/pages';
import { useSearch, useStateText } from '../app/router';
import { AppLink } from '../common/app-link';
import { useCatalogue } from '../common/catalogue';
import { ErrorMessage } from '../common/error-message';
import { useTranslator } from '../i18n/i18n';
import { CaseListForm } from './case-list-form';
import { choicesOf } from './case-list-query';
import { CaseListResults } from './case-list-results';
import { keepLastList } from './last-list';
import './cases.css';

/**
 * The advisers' case list (`/cases`): their city's case files, searched by reference or name,
 * filtered, sorted (recently changed first by default) and paged, with their count. The filters
 * and the order are the page's query string, the search its history entry's state (never the
 * address); the list is read anew for each. What the list says of itself (loading, its count) is
 * announced from one live region that stays while the lists change.
 */
export function CaseListPage({ session }: PageProps) {
  const { t } = useTranslator();
  const query = useSearch();
  const search = useStateText('search');
  useEffect(() => keepLastList(query), [query]);
  const choices = choicesOf(new URLSearchParams(query), search);
  const catalogue = useCatalogue();
  const [status, setStatus] = useState('');
  // An adviser works on their own city; a token of every city ('*') sees every city's programmes.
  const cities = (catalogue.value ?? []).filter((city) => session.city === '*' || city.code === session.city);
  return (
    <section aria-labelledby="cases-title" class="cases">
      <div class="page-head">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <AppLink href="/cases/new" class="button primary">
          {t('action.enrol')}
        </AppLink>
      </div>
      <p>{t('cases.intro')}</p>
      <CaseListForm choices={choices} cities={cities} />
      {catalogue.error !== undefined && <ErrorMessage error={catalogue.error} />}
      <p class="visually-hidden case-list-status" aria-live="polite">
        {status}
      </p>
      <CaseListResults key={`${query}\n${search}`} choices={choices} cities={catalogue.value} onStatus={setStatus} />
    </section>
  );
}
