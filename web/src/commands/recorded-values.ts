import type { TimelineMilestone } from '../api/command-types';
import type { City } from '../api/types';
import { partnerName, programmeName } from '../common/catalogue-names';
import type { MessageKey } from '../i18n/messages/en';
import { type CorrectableField, correctableFields, FIELD_ENTRIES } from './correction-fields';
import type { FormTranslator } from './form-spec';

/** A milestone's value in the adviser's language: a date, a code's name, a catalogue's name, a number; "empty" for none. */
export function recordedValue(tr: FormTranslator, city: City, field: CorrectableField, value: string | number | null): string {
  if (value === null) return tr.t('amend.empty');
  const entry = FIELD_ENTRIES[field];
  const text = String(value);
  switch (entry.type) {
    case 'date':
      return tr.date(text);
    case 'code':
      return tr.t(`${entry.messages}.${text}` as MessageKey);
    case 'sector':
      return `${text} — ${tr.t(`nace.${text}` as MessageKey)}`;
    case 'programme':
      return programmeName([city], text);
    case 'partner':
      return partnerName([city], text);
    // Years, and numbers below a thousand (src/journey/graphql/inputs bounds them): no separator to write.
    case 'birthYear':
    case 'number':
      return text;
  }
}

/** A milestone as a person reads it: its kind and date, then its other values ("Job started on 2 Mar 2007 (Permanent, …)"). */
export function milestoneDescription(tr: FormTranslator, city: City, { kind, values }: Pick<TimelineMilestone, 'kind' | 'values'>): string {
  const heading = tr.t('amend.milestone', { kind: tr.t(`milestone.${kind}` as MessageKey), date: tr.date(values.occurredOn) });
  const details = correctableFields(kind)
    .filter((field) => field !== 'occurredOn' && values[field] !== null)
    .map((field) => recordedValue(tr, city, field, values[field]));
  return details.length === 0 ? heading : `${heading} (${details.join(', ')})`;
}
