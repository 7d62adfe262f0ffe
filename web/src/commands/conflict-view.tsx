import type { CaseForForm } from '../api/command-types';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { changesSince } from './changes-since';

interface ConflictViewProps {
  /** The case as it is now. */
  caseFile: CaseForForm;
  /** The version the adviser filled the form against. */
  versionSeen: number;
  onApply(): void;
  onDrop(): void;
}

/**
 * The case changed while the adviser filled the form (CONFLICT): what was recorded meanwhile,
 * who and when, then a choice: send the change again on top of the case as it is now, or drop it.
 */
export function ConflictView({ caseFile, versionSeen, onApply, onDrop }: ConflictViewProps) {
  const tr = useTranslator();
  const { t } = tr;
  const changes = changesSince(caseFile, versionSeen);
  const whatOf = (what: string, kind: string | null): string => {
    const kindName = kind ? t(`milestone.${kind}` as MessageKey) : '';
    if (what === 'milestone') return kindName;
    if (what === 'note') return t('conflict.note');
    return t(what === 'VOIDED' ? 'conflict.voided' : 'conflict.corrected', { kind: kindName });
  };
  return (
    <section class="conflict" aria-labelledby="conflict-title" tabIndex={-1} id="conflict">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.intro', { count: changes.length })}</p>
      <table>
        <caption>{t('conflict.changes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conflict.what')}</th>
            <th scope="col">{t('conflict.date')}</th>
            <th scope="col">{t('conflict.who')}</th>
            <th scope="col">{t('conflict.when')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.sequence}>
              <td>{whatOf(change.what, change.kind)}</td>
              <td>{change.occurredOn ? tr.date(change.occurredOn) : '—'}</td>
              <td>{change.recordedBy}</td>
              <td>{tr.dateTime(change.recordedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('conflict.question')}</p>
      <div class="form-actions">
        <button type="button" class="primary" onClick={onApply}>
          {t('conflict.apply')}
        </button>
        <button type="button" onClick={onDrop}>
          {t('conflict.drop')}
        </button>
      </div>
    </section>
  );
}
