import type { City, LifePath } from '../api/types';
import { scopeName } from '../common/catalogue';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { entryQuarter } from './entry-quarter';
import { stepName } from './step-name';

/** A page of life paths: their released characteristics (withheld ones said so, cities and programmes by their catalogue names) and their steps. */
export function LifePathsTable({ paths, page, cities }: { paths: LifePath[]; page: number; cities: City[] | undefined }) {
  const tr = useTranslator();
  const { t } = tr;
  const coded = (prefix: string, value: string | null) => (value === null ? <span class="muted">{t('lifePaths.withheld')}</span> : t(`${prefix}.${value}` as MessageKey));
  const generalised = (value: string) => (value === '*' ? <span class="muted">{t('lifePaths.any')}</span> : value);
  const programmeName = (programme: string) => cities?.flatMap((c) => c.programmes).find((p) => p.code === programme)?.name ?? programme;
  const withheld = (value: string | null) => value ?? <span class="muted">{t('lifePaths.withheld')}</span>;
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={t('lifePaths.table', { page })}>
      <table class="life-paths">
        <caption>{t('lifePaths.table', { page })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lifePaths.pseudonym')}</th>
            <th scope="col">{t('lifePaths.city')}</th>
            <th scope="col">{t('lifePaths.programme')}</th>
            <th scope="col">{t('lifePaths.ageBand')}</th>
            <th scope="col">{t('lifePaths.gender')}</th>
            <th scope="col">{t('lifePaths.education')}</th>
            <th scope="col">{t('lifePaths.entryPeriod')}</th>
            <th scope="col">{t('lifePaths.outcome')}</th>
            <th scope="col">{t('lifePaths.steps')}</th>
          </tr>
        </thead>
        <tbody>
          {paths.map((path) => (
            <tr key={path.pseudonym} data-pseudonym={path.pseudonym}>
              <th scope="row" class="pseudonym">{path.pseudonym.slice(0, 10)}</th>
              <td data-city={path.city}>{withheld(path.city && scopeName(cities, path.city, null))}</td>
              <td data-programme={path.programme}>{withheld(path.programme && programmeName(path.programme))}</td>
              <td>{generalised(path.ageBand)}</td>
              <td>{coded('gender', path.gender)}</td>
              <td>{coded('education', path.educationLevel)}</td>
              <td data-entry-period={path.entryPeriod}>{entryQuarter(tr, path.entryPeriod) ?? generalised(path.entryPeriod)}</td>
              <td>{coded('outcome', path.outcome)}</td>
              <td>
                <ol class="steps">
                  {path.steps.map((step, index) => (
                    <li key={index}>{t('lifePaths.stepMonth', { month: step.month, step: stepName(tr, step, cities) })}</li>
                  ))}
                </ol>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
