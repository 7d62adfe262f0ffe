import { useRef, useState } from 'preact/hooks';
import { CASE_PERSONAL } from '../api/case-documents';
import type { CaseFile, PersonalDetails } from '../api/case-types';
import { query } from '../api/client';
import { ErrorMessage } from '../common/error-message';
import { useTranslator } from '../i18n/i18n';

/** What asking for the personal details gave: nothing yet, the details (null when the service gives none), or an error. */
type Asked = { state: 'hidden' } | { state: 'loading' } | { state: 'shown'; personal: PersonalDetails | null } | { state: 'failed'; error: unknown };

/**
 * The participant's name and contact details, read only when the adviser asks (the service
 * decrypts them for that request only) and forgotten when hidden again; an erased case says so.
 * An answer that arrives after Hide (or after a newer Show) is dropped: hidden stays hidden.
 */
export function PersonalDetailsSection({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslator();
  const [asked, setAsked] = useState<Asked>({ state: 'hidden' });
  // Counts the Shows and Hides: an answer is taken only if nothing was pressed since its request.
  const presses = useRef(0);
  const show = () => {
    const press = ++presses.current;
    const answer = (next: Asked) => press === presses.current && setAsked(next);
    setAsked({ state: 'loading' });
    query<{ participant: { personal: PersonalDetails | null } | null }>(CASE_PERSONAL, { id: caseFile.id }).then(
      (data) => answer({ state: 'shown', personal: data.participant?.personal ?? null }),
      (error: unknown) => answer({ state: 'failed', error }),
    );
  };
  const hide = () => {
    presses.current += 1;
    setAsked({ state: 'hidden' });
  };
  const open = asked.state !== 'hidden';
  return (
    <section aria-labelledby="personal-title" class="personal-details">
      <h2 id="personal-title">{t('caseFile.personal')}</h2>
      {caseFile.personalDataErased ? (
        <p class="note" data-erased="true">
          {t('caseFile.erased')}
        </p>
      ) : (
        <>
          <p class="hint">{t('caseFile.personalHint')}</p>
          <p>
            <button type="button" aria-expanded={open} aria-controls="personal-values" onClick={open ? hide : show}>
              {open ? t('caseFile.hidePersonal') : t('caseFile.showPersonal')}
            </button>
          </p>
          <div id="personal-values" aria-live="polite">
            {asked.state === 'loading' && <p>{t('app.loading')}</p>}
            {asked.state === 'failed' && <ErrorMessage error={asked.error} />}
            {asked.state === 'shown' && asked.personal === null && <p class="note">{t('caseFile.personalWithheld')}</p>}
            {asked.state === 'shown' && asked.personal && (
              <dl class="case-facts" data-fact="personal">
                <div>
                  <dt>{t('caseFile.fullName')}</dt>
                  <dd data-field="fullName">{asked.personal.fullName}</dd>
                </div>
                <div>
                  <dt>{t('caseFile.email')}</dt>
                  <dd data-field="email">{asked.personal.email ?? <span class="muted">{t('caseFile.notGiven')}</span>}</dd>
                </div>
                <div>
                  <dt>{t('caseFile.phone')}</dt>
                  <dd data-field="phone">{asked.personal.phone ?? <span class="muted">{t('caseFile.notGiven')}</span>}</dd>
                </div>
              </dl>
            )}
          </div>
        </>
      )}
    </section>
  );
}
