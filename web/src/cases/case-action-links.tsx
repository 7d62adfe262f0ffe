import type { CaseFile } from '../api/case-types';
import { AppLink } from '../common/app-link';
import { isAvailable } from '../commands/availability';
import { actionPath, CASE_ACTIONS } from '../commands/case-actions';
import { useTranslator } from '../i18n/i18n';

/** The forms of a whole case that its state allows, by the forms' own rules (those of one milestone are beside it in the timeline). */
export function CaseActionLinks({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslator();
  return (
    <nav aria-labelledby="case-actions-title" class="case-actions">
      <h2 id="case-actions-title">{t('caseFile.actions')}</h2>
      <ul>
        {CASE_ACTIONS.filter((entry) => !entry.perMilestone && isAvailable(entry.action, caseFile)).map((entry) => (
          <li key={entry.action}>
            <AppLink href={actionPath(caseFile.id, entry.action)}>{t(entry.label)}</AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
