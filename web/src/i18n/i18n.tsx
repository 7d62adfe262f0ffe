import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { de } from './messages/de';
import { en, type MessageKey, type Messages } from './messages/en';
import { fr } from './messages/fr';
import { sv } from './messages/sv';
import type { Locale } from './locale';

const MESSAGES: Record<Locale, Messages> = { en, fr, de, sv };
const cache = createIntlCache();

/** Formatting for one language: its messages, and Intl's numbers, percentages and dates. */
export interface Translator {
  locale: Locale;
  intl: IntlShape<string>;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  number(value: number): string;
  percent(value: number): string;
  /** A business date ('2007-05-14'), read as that calendar day wherever the browser is. */
  date(isoDate: string): string;
  dateTime(instant: string): string;
}

/** The translator of a language. */
export function translator(locale: Locale): Translator {
  const intl = createIntl({ locale, defaultLocale: 'en', messages: MESSAGES[locale] }, cache);
  return {
    locale,
    intl,
    t: (key, values) => intl.formatMessage({ id: key }, values) as string,
    number: (value) => intl.formatNumber(value),
    percent: (value) => intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 1 }),
    date: (isoDate) => intl.formatDate(`${isoDate}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
    dateTime: (instant) => intl.formatDate(instant, { dateStyle: 'medium', timeStyle: 'medium' }),
  };
}

const TranslatorContext = createContext<Translator>(translator('en'));

/** The language of everything below it. */
export function TranslatorProvider({ value, children }: { value: Translator; children: ComponentChildren }) {
  return <TranslatorContext.Provider value={value}>{children}</TranslatorContext.Provider>;
}

/** The current language's translator. */
export const useTranslator = (): Translator => useContext(TranslatorContext);
