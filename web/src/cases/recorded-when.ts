import type { Translator } from '../i18n/i18n';

/** When something was recorded, to the minute, in the viewer's language and time zone: seconds tell an adviser nothing. */
export const recordedWhen = (tr: Translator, instant: string): string => tr.intl.formatDate(instant, { dateStyle: 'medium', timeStyle: 'short' });
