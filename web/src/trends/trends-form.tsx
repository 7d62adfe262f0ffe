import { useState } from 'preact/hooks';
import type { City } from '../api/types';
import { CatalogueOptions } from '../common/catalogue';
import { monthEnd } from '../dashboards/month-end';
import { useTranslator } from '../i18n/i18n';

/** The series asked for: a city, a programme or the whole city, and a span (null: the API's default). */
export interface TrendsChoice {
  city: string;
  programme: string | null;
  from: string | null;
  to: string | null;
}

interface TrendsFormProps {
  /** The cities of the caller's scope. */
  cities: City[];
  /** The choice applied, shown until changed. */
  applied: TrendsChoice;
  /** Researchers may ask for month ends only: the span is chosen in months. */
  monthsOnly: boolean;
  onApply(choice: TrendsChoice): void;
}

/** A month field's value (YYYY-MM) as the first day of the month (from) or its last (to). */
const fromMonth = (month: string): string => `${month}-01`;
const toMonth = (month: string): string => monthEnd(`${month}-01`);

/**
 * The trend's city, programme and span. Nothing is asked until the form is submitted (the button,
 * or Enter in any field), which applies every choice at once; changing the city only offers its
 * programmes.
 */
export function TrendsForm({ cities, applied, monthsOnly, onApply }: TrendsFormProps) {
  const { t } = useTranslator();
  const shown = (date: string | null) => (date === null ? '' : monthsOnly ? date.slice(0, 7) : date);
  const [draft, setDraft] = useState({ city: applied.city, programme: applied.programme ?? '', from: shown(applied.from), to: shown(applied.to) });
  const programmes = cities.find((c) => c.code === draft.city)?.programmes ?? [];
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const date = (value: string, ofMonth: (month: string) => string) => (value === '' ? null : monthsOnly ? ofMonth(value) : value);
    onApply({ city: draft.city, programme: draft.programme || null, from: date(draft.from, fromMonth), to: date(draft.to, toMonth) });
  };
  const field = (name: 'from' | 'to') => (
    <label>
      {t(monthsOnly ? (name === 'from' ? 'trends.fromMonth' : 'trends.toMonth') : name === 'from' ? 'trends.from' : 'trends.to')}
      <input
        type={monthsOnly ? 'month' : 'date'}
        name={name}
        value={draft[name]}
        onInput={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
        aria-describedby={monthsOnly ? 'trends-span-hint' : undefined}
      />
    </label>
  );
  return (
    <form class="toolbar" onSubmit={onSubmit} aria-label={t('trends.choice')}>
      <label>
        {t('dashboards.city')}
        <select name="city" value={draft.city} onChange={(event) => setDraft({ ...draft, city: event.currentTarget.value, programme: '' })}>
          <CatalogueOptions entries={cities} />
        </select>
      </label>
      <label>
        {t('dashboards.programme')}
        <select name="programme" value={draft.programme} onChange={(event) => setDraft({ ...draft, programme: event.currentTarget.value })}>
          <CatalogueOptions entries={programmes} any={t('dashboards.wholeCity')} />
        </select>
      </label>
      {field('from')}
      {field('to')}
      <button type="submit" class="primary">
        {t('trends.show')}
      </button>
      {monthsOnly && (
        <span id="trends-span-hint" class="hint">
          {t('trends.monthsHint')}
        </span>
      )}
    </form>
  );
}
