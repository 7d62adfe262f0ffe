import { useEffect, useState } from 'preact/hooks';
import { CASE_ORDERS, PARTICIPANT_STATUSES } from '../api/case-types';
import type { City } from '../api/types';
import { navigate } from '../app/router';
import { AppLink } from '../common/app-link';
import { CatalogueOptions } from '../common/catalogue';
import { useTranslator } from '../i18n/i18n';
import { MAX_NO_MILESTONE_FOR_DAYS } from '../../../src/read-side/cases/no-milestone-for-days';
import { enumChoices } from '../commands/choices';
import type { Choice } from '../commands/form-spec';
import { type CaseListChoices, choicesOf, queryStringOf, stateOf } from './case-list-query';

type Fields = Record<keyof CaseListChoices, string>;

const fieldsOf = (choices: CaseListChoices): Fields => ({
  search: choices.search,
  programme: choices.programme,
  status: choices.status,
  noMilestoneForDays: choices.noMilestoneForDays === null ? '' : String(choices.noMilestoneForDays),
  orderBy: choices.orderBy,
});

/** Whether "no milestone for N days" is none or a number of days the service takes. */
const daysTaken = (days: string): boolean => {
  const number = Number(days);
  return days.trim() === '' || (Number.isInteger(number) && number >= 1 && number <= MAX_NO_MILESTONE_FOR_DAYS);
};

/** A select's options from choices. */
const Options = ({ choices }: { choices: Choice[] }) => (
  <>
    {choices.map(({ value, label }) => (
      <option key={value} value={value}>
        {label}
      </option>
    ))}
  </>
);

/**
 * The case list's search, filters and order, applied together by the button or Enter in a field:
 * the filters and the order go to the page's query string, the search to the history entry's state
 * (never the address), which the list follows. Each field is named as the API's argument. The form
 * stays while the list changes (the focus stays where it is) and shows the choices of the entry
 * whenever they change (back, forward, "clear"). The browser's own checks are off (its messages are
 * in its language, not the app's): a number of days out of range gets the app's message instead.
 */
export function CaseListForm({ choices, cities }: { choices: CaseListChoices; cities: City[] }) {
  const tr = useTranslator();
  const { t } = tr;
  const shown = queryStringOf(choices);
  const [fields, setFields] = useState(() => fieldsOf(choices));
  const [daysRefused, setDaysRefused] = useState(false);
  useEffect(() => {
    setFields(fieldsOf(choices));
    setDaysRefused(false);
  }, [shown, choices.search]);
  const field = (name: keyof Fields) => ({
    name,
    value: fields[name],
    onInput: (event: Event) => setFields({ ...fields, [name]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value }),
  });
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!daysTaken(fields.noMilestoneForDays)) {
      setDaysRefused(true);
      (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('input[name="noMilestoneForDays"]')?.focus();
      return;
    }
    setDaysRefused(false);
    const next = choicesOf(new URLSearchParams(fields), fields.search);
    navigate(`/cases${queryStringOf(next)}`, false, stateOf(next));
  };
  return (
    <form class="toolbar filters case-filters" onSubmit={onSubmit} role="search" aria-label={t('cases.filters')} noValidate>
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
          <Options choices={enumChoices(tr, 'participantStatus', PARTICIPANT_STATUSES)} />
        </select>
      </label>
      <label>
        {t('cases.noMilestoneForDays')}
        <input
          {...field('noMilestoneForDays')}
          type="number"
          min="1"
          max={MAX_NO_MILESTONE_FOR_DAYS}
          step="1"
          inputMode="numeric"
          placeholder={t('cases.anyDays')}
          aria-invalid={daysRefused ? 'true' : undefined}
          aria-describedby={daysRefused ? 'no-milestone-days-error' : undefined}
        />
        {daysRefused && (
          <span id="no-milestone-days-error" class="field-error">
            {t('check.range', { min: tr.number(1), max: tr.number(MAX_NO_MILESTONE_FOR_DAYS) })}
          </span>
        )}
      </label>
      <label>
        {t('cases.orderBy')}
        <select {...field('orderBy')}>
          <Options choices={enumChoices(tr, 'caseOrder', CASE_ORDERS)} />
        </select>
      </label>
      <button type="submit" class="primary">
        {t('cases.apply')}
      </button>
      {(shown !== '' || choices.search !== '') && <AppLink href="/cases">{t('cases.clear')}</AppLink>}
    </form>
  );
}
