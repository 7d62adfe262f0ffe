import { beforeErasure } from './availability';
import { confirmsErasure } from './erase-confirmation';
import type { CommandFormSpec } from './form-spec';
import { reasonField } from './reason-field';

/**
 * Erases the participant's personal data, after a warning of what is lost for ever: a reason, and
 * the case's reference typed to confirm, without which the button does not work. It sends no
 * `expectedVersion` (ErasePersonalDataInput has none: an erasure does not depend on what the
 * adviser saw, and erasing again records nothing).
 */
export const eraseForm: CommandFormSpec = {
  mutation: 'erasePersonalData',
  inputType: 'ErasePersonalDataInput',
  title: 'action.erase',
  submit: 'erase.submit',
  sendsVersion: false,
  unavailable: beforeErasure,
  before: ({ tr: { t } }) => (
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
  ),
  canSubmit: (values, { caseFile }) => confirmsErasure(values.confirmation ?? '', caseFile!.reference),
  fields: (context) => {
    const reference = context.caseFile!.reference;
    return [
      reasonField(context, context.tr.t('erase.reasonHint')),
      {
        name: 'confirmation',
        label: context.tr.t('erase.confirm', { reference }),
        type: 'text',
        required: true,
        autocomplete: 'off',
        hint: context.tr.t('erase.confirmHint'),
        checks: [(value) => (confirmsErasure(value, reference) ? null : { key: 'erase.mismatch', values: { reference } })],
      },
    ];
  },
  toInput: (values) => ({ reason: values.reason }),
};
