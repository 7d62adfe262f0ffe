import type { MilestoneValues } from '../api/case-types';
import type { City } from '../api/types';
import { partnerName, programmeName } from '../common/catalogue-names';
import type { Translator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';

/** The parts of a milestone's line, in the viewer's language, by its kind (the API's English `summary` says the same in codes). */
function detailsOf(tr: Translator, kind: string, values: MilestoneValues, cities: City[] | undefined): string[] {
  const { t } = tr;
  const coded = (prefix: string, code: string | null) => (code === null ? [] : [t(`${prefix}.${code}` as MessageKey)]);
  const sector = values.sector === null ? [] : [t('summary.sector', { sector: values.sector })];
  switch (kind) {
    case 'ENROLLED':
    case 'RE_ENROLLED':
      return values.programme === null ? [] : [programmeName(cities, values.programme)];
    case 'COACHING_SESSION':
      return [
        ...coded('coachingMode', values.mode),
        ...(values.durationMinutes === null ? [] : [tr.intl.formatNumber(values.durationMinutes, { style: 'unit', unit: 'minute', unitDisplay: 'short' })]),
      ];
    case 'ACTIVITY_STARTED':
      return [...coded('activity', values.activity), ...(values.provider === null ? [] : [t('summary.provider', { provider: partnerName(cities, values.provider) })])];
    case 'ACTIVITY_COMPLETED':
      return [...coded('activity', values.activity), ...coded('activityResult', values.result)];
    case 'REFERRED':
      return values.partner === null ? [] : [partnerName(cities, values.partner)];
    case 'JOB_STARTED':
      return [
        ...coded('contractType', values.contractType),
        ...coded('employerType', values.employerType),
        ...sector,
        ...(values.weeklyHours === null ? [] : [t('summary.weeklyHours', { hours: values.weeklyHours })]),
      ];
    case 'SELF_EMPLOYMENT_STARTED':
      return [...coded('selfEmploymentForm', values.form), ...sector];
    case 'EXITED':
      return coded('exitReason', values.exitReason);
    case 'FOLLOW_UP':
      return [...(values.monthsAfterExit === null ? [] : [t('summary.monthsAfterExit', { months: values.monthsAfterExit })]), ...coded('followUpStatus', values.status)];
    default:
      return [];
  }
}

/**
 * One line of a milestone in the viewer's language, from its kind and coded values (a programme,
 * partner or provider by its name in the catalogue): "Job started: Permanent, SME, sector J".
 */
export function milestoneSummary(tr: Translator, kind: string, values: MilestoneValues, cities: City[] | undefined): string {
  const name = tr.t(`milestone.${kind}` as MessageKey);
  const details = detailsOf(tr, kind, values, cities);
  return details.length === 0 ? name : tr.t('summary.line', { kind: name, details: details.join(', ') });
}
