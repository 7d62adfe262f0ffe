/** The languages of the app; the first is the fallback. */
export const LOCALES = ['en', 'fr', 'de', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', de: 'Deutsch', sv: 'Svenska' };

const STORAGE_KEY = 'locale';

const isLocale = (value: string | null): value is Locale => (LOCALES as readonly string[]).includes(value ?? '');

/** The language kept from an earlier visit, else the browser's first one the app speaks, else English. */
export function initialLocale(): Locale {
  const kept = localStorage.getItem(STORAGE_KEY);
  if (isLocale(kept)) return kept;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const language = tag.split('-')[0]!.toLowerCase();
    if (isLocale(language)) return language;
  }
  return LOCALES[0];
}

/** Kept across visits (the user chose it). */
export function keepLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}
