import type { City, LifePathStep } from '../api/types';
import type { MessageKey } from '../i18n/messages/en';

/** What naming a step needs of the translator (web/src/i18n/i18n.tsx), whose JSX the root typecheck of its unit test does not compile. */
interface StepTranslator {
  t(key: MessageKey, values?: Record<string, string | number>): string;
  intl: { messages: Record<string, unknown> };
}

/** The message prefix of each kind of step's coded detail. */
const DETAIL_NAMES: Record<string, string> = {
  COACHING_SESSION: 'coachingMode',
  ACTIVITY_STARTED: 'activity',
  JOB_STARTED: 'contractType',
  SELF_EMPLOYMENT_STARTED: 'selfEmploymentForm',
  EXITED: 'exitReason',
};

/** A coded value's name, or the code itself. */
const named = ({ t, intl }: StepTranslator, prefix: string, code: string): string => {
  const key = `${prefix}.${code}`;
  return key in intl.messages ? t(key as MessageKey) : code;
};

/** A partner's name from the catalogue, its code when the catalogue does not know it. */
const partnerName = (cities: City[] | undefined, code: string): string =>
  cities?.flatMap((city) => city.partners).find((partner) => partner.code === code)?.name ?? code;

/**
 * A step of a life path in the viewer's language: its kind, and its coded detail when it has one
 * (a referral's partner by its name in the catalogue).
 */
export function stepName(tr: StepTranslator, { kind, detail }: LifePathStep, cities?: City[]): string {
  const kindName = tr.t(`milestone.${kind}` as MessageKey);
  if (!detail) return kindName;
  let detailName: string;
  if (kind === 'ACTIVITY_COMPLETED') {
    const [activity, result] = detail.split(':') as [string, string];
    detailName = `${named(tr, 'activity', activity)}, ${named(tr, 'activityResult', result)}`;
  } else if (kind === 'FOLLOW_UP') {
    const [months, status] = detail.split(':') as [string, string];
    detailName = tr.t('followUp.detail', { months: parseInt(months, 10), status: named(tr, 'followUpStatus', status) });
  } else if (kind === 'REFERRED') {
    detailName = partnerName(cities, detail);
  } else {
    detailName = DETAIL_NAMES[kind] ? named(tr, DETAIL_NAMES[kind], detail) : detail;
  }
  return `${kindName} (${detailName})`;
}
