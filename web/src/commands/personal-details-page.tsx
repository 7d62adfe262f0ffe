import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import { CASE_FOR_FORM_WITH_PERSONAL } from '../api/command-documents';
import type { CaseForForm } from '../api/command-types';
import { navigate } from '../app/router';
import { ErrorMessage } from '../common/error-message';
import { useTranslator } from '../i18n/i18n';
import { draftKey, readDraft } from './command-draft';
import { CommandForm, type CommandFormProps } from './command-form';
import type { FormValues } from './form-spec';
import { personalDetailsForm, personalValues } from './personal-details-form';

const ACTION = 'personal-details';

/** Moves the focus to an element once it shows (the form reads the case first), so a keyboard user goes on from there. */
function useFocusWhenShown(id: string, active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => {
      const element = document.getElementById(id);
      if (element) {
        element.focus();
        clearInterval(timer);
      }
    }, 50);
    const stop = setTimeout(() => clearInterval(timer), 10_000);
    return () => (clearInterval(timer), clearTimeout(stop));
  }, [id, active]);
}

/**
 * The personal details' form. The current details are not shown until the adviser asks to load
 * them (the service decrypts personal data only when a query asks for it): first a choice, to
 * load them or to type new ones, then the form, filled or empty. A draft kept in the tab goes
 * straight to the form.
 */
export function PersonalDetailsPage(props: CommandFormProps) {
  const { t } = useTranslator();
  const [start, setStart] = useState<FormValues | null>(() => (readDraft(draftKey(props.caseId, ACTION)) ? {} : null));
  const [chosen, setChosen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  useFocusWhenShown('field-fullName', chosen);
  if (start !== null) return <CommandForm {...props} spec={personalDetailsForm(start)} draftName={ACTION} />;

  const choose = (values: FormValues) => {
    setChosen(true);
    setStart(values);
  };
  const load = async () => {
    setLoading(true);
    setError(undefined);
    try {
      const data = await query<{ participant: CaseForForm | null }>(CASE_FOR_FORM_WITH_PERSONAL, { id: props.caseId });
      choose(personalValues(data.participant?.personal ?? null));
    } catch (failure) {
      setError(failure);
      setLoading(false);
    }
  };
  const caseFilePath = `/cases/${encodeURIComponent(props.caseId ?? '')}`;
  return (
    <section class="command-form" aria-labelledby="form-title">
      <p>
        <a href={caseFilePath} onClick={(event) => (event.preventDefault(), navigate(caseFilePath))}>
          {t('form.backToCase')}
        </a>
      </p>
      <h1 id="form-title">{t('action.personalDetails')}</h1>
      <p>{t('personalDetails.notShown')}</p>
      {error !== undefined && <ErrorMessage error={error} />}
      <div class="form-actions">
        <button type="button" class="primary" onClick={() => void load()} disabled={loading}>
          {t('personalDetails.load')}
        </button>
        <button type="button" onClick={() => choose({})} disabled={loading}>
          {t('personalDetails.typeNew')}
        </button>
      </div>
    </section>
  );
}
