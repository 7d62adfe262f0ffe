import type { CaseListItem } from '../api/case-types';
import type { City } from '../api/types';
import { AppLink } from '../common/app-link';
import { programmeName } from '../common/catalogue-names';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { casePath } from './case-path';
import { recordedWhen } from './recorded-when';

/** A page of case files: each by its reference, a link to its case file; dates and times in the viewer's language. */
export function CaseListTable({ cases, page, cities }: { cases: CaseListItem[]; page: number; cities: City[] | undefined }) {
  const tr = useTranslator();
  const { t } = tr;
  return (
    <div class="table-scroll case-list-scroll" tabIndex={0} role="region" aria-label={t('cases.table', { page })}>
      <table class="case-list">
        <caption>{t('cases.table', { page })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.reference')}</th>
            <th scope="col">{t('cases.programme')}</th>
            <th scope="col">{t('cases.status')}</th>
            <th scope="col">{t('cases.firstEnrolledOn')}</th>
            <th scope="col">{t('cases.lastMilestoneOn')}</th>
            <th scope="col">{t('cases.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr key={item.id} data-id={item.id} data-reference={item.reference}>
              <th scope="row">
                <AppLink href={casePath(item.id)}>{item.reference}</AppLink>
              </th>
              <td data-programme={item.programme}>{programmeName(cities, item.programme)}</td>
              <td data-status={item.status}>{t(`participantStatus.${item.status}` as MessageKey)}</td>
              <td data-date={item.firstEnrolledOn}>{tr.date(item.firstEnrolledOn)}</td>
              <td data-date={item.lastMilestoneOn}>{tr.date(item.lastMilestoneOn)}</td>
              <td data-instant={item.updatedAt}>{recordedWhen(tr, item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
