import { useEffect, useState } from 'preact/hooks';
import { CASE_ORDERS, PARTICIPANT_STATUSES } from '../api/case-types';
import type { City } from '../api/types';
import { navigate } from '../app/router';
import { AppLink } from '../common/app-link';
import { CatalogueOptions } from '../common/catalogue';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { type CaseListChoices, choicesOf, queryStringOf } from './case-list-query';

/** The longest "no milestone for N days" asked for: about ten years. */
const MAX_IDLE_DAYS = 3650;

type Fields = Record<keyof CaseListChoices, string>;

const fieldsOf = (choices: CaseListChoices): Fields => ({
  search: choices.search,
  programme: choices.programme,
  status: choices.status,
  noMilestoneForDays: choices.noMilestoneForDays === null ? '' : String(choices.noMilestoneForDays),
  orderBy: choices.orderBy,
});

/** A select's options for the values of an API enum, each named by its message `prefix.VALUE`. */
function CodedOptions({ codes, prefix }: { codes: readonly string[]; prefix: string }) {
  const { t } = useTranslator();
  return (
    <>
      {codes.map((code) => (
        <option key={code} value={code}>
          {t(`${prefix}.${code}` as MessageKey)}
        </option>
      ))}
    </>
  );
}

/**
 * The case list's search, filters and order, applied together by the button or Enter in a field:
 * they go to the page's query string, which the list follows. Each field is named as the API's
 * argument. The form stays while the list changes (the focus stays where it is) and shows the
 * choices of the address whenever they change (back, forward, "clear").
 */
export function CaseListForm({ choices, cities }: { choices: CaseListChoices; cities: City[] }) {
  const { t } = useTranslator();
  const shown = queryStringOf(choices);
  const [fields, setFields] = useState(() => fieldsOf(choices));
  useEffect(() => setFields(fieldsOf(choices)), [shown]);
  const field = (name: keyof Fields) => ({
    name,
    value: fields[name],
    onInput: (event: Event) => setFields({ ...fields, [name]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value }),
  });
  const onSubmit = (event: Event) => {
    event.preventDefault();
    navigate(`/cases${queryStringOf(choicesOf(new URLSearchParams(fields)))}`);
  };
  return (
    <form class="toolbar filters case-filters" onSubmit={onSubmit} role="search" aria-label={t('cases.filters')}>
      <label class="case-search">
        {t('cases.search')}
        <input {...field('search')} type="search" maxLength={100} autoComplete="off" placeholder={t('cases.searchHint')} />
      </label>
      <label>
        {t('cases.programme')}
        <select {...field('programme')}>
          <CatalogueOptions entries={cities.flatMap((city) => city.programmes)} any={t('cases.anyProgramme')} />
        </select>
      </label>
      <label>
        {t('cases.status')}
        <select {...field('status')}>
          <option value="">{t('cases.anyStatus')}</option>
          <CodedOptions codes={PARTICIPANT_STATUSES} prefix="participantStatus" />
        </select>
      </label>
      <label>
        {t('cases.noMilestoneForDays')}
        <input {...field('noMilestoneForDays')} type="number" min="1" max={MAX_IDLE_DAYS} step="1" inputMode="numeric" placeholder={t('cases.anyDays')} />
      </label>
      <label>
        {t('cases.orderBy')}
        <select {...field('orderBy')}>
          <CodedOptions codes={CASE_ORDERS} prefix="caseOrder" />
        </select>
      </label>
      <button type="submit" class="primary">
        {t('cases.apply')}
      </button>
      {shown !== '' && <AppLink href="/cases">{t('cases.clear')}</AppLink>}
    </form>
  );
}
