import { useState } from 'preact/hooks';
import { query } from '../api/client';
import { CASE_FOR_FORM_WITH_PERSONAL } from '../api/command-documents';
import type { CaseForForm } from '../api/command-types';
import { ErrorMessage } from '../common/error-message';
import { useTranslator } from '../i18n/i18n';
import type { Fill, FormValues } from './form-spec';

/** The form's values of the details the service decrypted on request (none once erased). */
const personalValues = (personal: CaseForForm['personal']): FormValues =>
  personal ? { fullName: personal.fullName, email: personal.email ?? '', phone: personal.phone ?? '' } : {};

/**
 * The choice before the personal details' fields: the current details are not shown until the
 * adviser asks to load them (the service decrypts personal data only when a query asks for it),
 * or the fields start empty for new ones.
 */
export function PersonalDetailsChoice({ caseId, fill }: { caseId: string; fill: Fill }) {
  const { t } = useTranslator();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const load = async () => {
    setLoading(true);
    setError(undefined);
    try {
      const data = await query<{ participant: CaseForForm | null }>(CASE_FOR_FORM_WITH_PERSONAL, { id: caseId });
      fill(personalValues(data.participant?.personal ?? null));
    } catch (failure) {
      setError(failure);
      setLoading(false);
    }
  };
  return (
    <>
      <p>{t('personalDetails.notShown')}</p>
      {error !== undefined && <ErrorMessage error={error} />}
      <div class="form-actions">
        <button type="button" class="primary" onClick={() => void load()} disabled={loading}>
          {t('personalDetails.load')}
        </button>
        <button type="button" onClick={() => fill({})} disabled={loading}>
          {t('personalDetails.typeNew')}
        </button>
      </div>
    </>
  );
}
