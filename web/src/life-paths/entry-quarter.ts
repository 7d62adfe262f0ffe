import type { MessageKey } from '../i18n/messages/en';

/** A life path's entry quarter ('2007-Q2') as its language writes one; null for a generalised period ('2007', '*'). */
export function entryQuarter({ t }: { t: (key: MessageKey, values: Record<string, string>) => string }, period: string): string | null {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  // The year as a string: a number would be grouped ("2,007").
  return quarter ? t('lifePaths.quarter', { year: quarter[1]!, quarter: quarter[2]! }) : null;
}
