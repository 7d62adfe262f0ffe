import { useState } from 'preact/hooks';
import type { CaseForForm } from '../api/command-types';
import { ServiceError } from '../api/failure';
import type { City } from '../api/types';
import { navigate } from '../app/router';
import { ErrorMessage } from '../common/error-message';
import { useTranslator } from '../i18n/i18n';
import { todayIn } from './city-today';
import { type CommandFailure, commandFailureOf } from './command-failure';
import type { CommandFormProps } from './command-form';
import { confirmsErasure } from './erase-confirmation';
import { problemsOf } from './field-checks';
import { placeFieldErrors } from './field-paths';
import { FormField, fieldId } from './form-field';
import type { FieldSpec, FormContext, FormValues, Problem } from './form-spec';
import { reasonField } from './reason-field';
import { sendWithRetry } from './retry-policy';
import { sendCommand } from './send-command';
import { useCaseForForm } from './use-case-for-form';

/**
 * Erases the participant's personal data. Its own form rather than a CommandForm spec: an erasure
 * takes no `expectedVersion` (ErasePersonalDataInput has none: it does not depend on what the
 * adviser saw, and erasing again records nothing), and its button works only once the adviser
 * typed the case's reference.
 */
export function EraseForm({ session, caseId }: CommandFormProps) {
  const { t } = useTranslator();
  const loaded = useCaseForForm(caseId, session.city);
  if (loaded.error !== undefined) return <ErrorMessage error={loaded.error} />;
  if (!loaded.value?.caseFile) return <p>{t('app.loading')}</p>;
  return <FilledEraseForm session={session} caseFile={loaded.value.caseFile} city={loaded.value.city} />;
}

interface FilledEraseFormProps {
  session: CommandFormProps['session'];
  caseFile: CaseForForm;
  city: City;
}

function FilledEraseForm({ session, caseFile, city }: FilledEraseFormProps) {
  const tr = useTranslator();
  const { t } = tr;
  const { reference } = caseFile;
  const [values, setValues] = useState<FormValues>({ reason: '', confirmation: '' });
  // One id per filled form: a retry after a dropped connection is the same erasure.
  const [commandId] = useState(() => crypto.randomUUID());
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [failure, setFailure] = useState<CommandFailure | null>(null);
  const [sending, setSending] = useState(false);
  const caseFilePath = `/cases/${encodeURIComponent(caseFile.id)}`;
  const context: FormContext = { session, tr, caseFile, city, today: todayIn(city.timeZone), values };
  const fields: FieldSpec[] = [
    reasonField(context, t('erase.reasonHint')),
    {
      name: 'confirmation',
      label: t('erase.confirm', { reference }),
      type: 'text',
      required: true,
      autocomplete: 'off',
      hint: t('erase.confirmHint'),
      checks: [(value) => (confirmsErasure(value, reference) ? null : { key: 'erase.mismatch', values: { reference } })],
    },
  ];
  const placed = placeFieldErrors(failure?.code === 'BAD_USER_INPUT' ? failure.fieldErrors : [], fields);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = problemsOf(fields, values, context);
    setProblems(found);
    setFailure(null);
    const invalid = fields.find((field) => found[field.name]);
    if (invalid) return document.getElementById(fieldId(invalid.name))?.focus();
    setSending(true);
    try {
      await sendWithRetry(() => sendCommand('erasePersonalData', 'ErasePersonalDataInput', { participantId: caseFile.id, commandId, reason: values.reason }), commandFailureOf);
      navigate(caseFilePath);
    } catch (error) {
      setFailure(commandFailureOf(error));
      setSending(false);
      requestAnimationFrame(() => document.getElementById('form-refusal')?.focus());
    }
  };

  return (
    <section class="command-form" aria-labelledby="form-title">
      <p>
        <a href={caseFilePath} onClick={(event) => (event.preventDefault(), navigate(caseFilePath))}>
          {t('form.backToCase')}
        </a>
      </p>
      <h1 id="form-title">{t('action.erase')}</h1>
      <p class="case-line">{t('form.caseLine', { reference })}</p>
      {caseFile.personalDataErased ? (
        <p class="note">{t('erase.already')}</p>
      ) : (
        <>
          <div class="error">
            <p>{t('erase.intro')}</p>
            <ul>
              <li>{t('erase.lostPersonal')}</li>
              <li>{t('erase.lostNotes')}</li>
              <li>{t('erase.lostReasons')}</li>
            </ul>
            <p>{t('erase.kept')}</p>
            <p>
              <strong>{t('erase.never')}</strong>
            </p>
          </div>
          {failure && (
            <div id="form-refusal" tabIndex={-1}>
              <ErrorMessage error={new ServiceError(failure)} title="form.notRecorded" />
            </div>
          )}
          <form class="fields" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="form-title">
            {fields.map((field) => (
              <FormField
                key={field.name}
                field={field}
                value={values[field.name] ?? ''}
                messages={[
                  ...(problems[field.name] ? [{ text: t(problems[field.name]!.key, problems[field.name]!.values) }] : []),
                  ...(placed.byField[field.name] ?? []).map((message) => ({ text: t('form.refusedValue'), detail: message })),
                ]}
                onChange={(value) => setValues({ ...values, [field.name]: value })}
              />
            ))}
            <div class="form-actions">
              <button type="submit" class="primary danger" disabled={sending || !confirmsErasure(values.confirmation ?? '', reference)}>
                {t('erase.submit')}
              </button>
              <button type="button" onClick={() => navigate(caseFilePath)} disabled={sending}>
                {t('form.cancel')}
              </button>
            </div>
          </form>
          <p role="status" class="status">
            {sending && t('form.sending')}
          </p>
        </>
      )}
    </section>
  );
}
