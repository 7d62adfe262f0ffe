import { useTranslator } from '../i18n/i18n';
import type { FieldSpec } from './form-spec';

/** A message beside a field, translated, and the service's own words (in English) when it gave some. */
export interface FieldMessage {
  text: string;
  detail?: string;
}

/** The id of a field's control, for labels, links from the error summary and focus. */
export const fieldId = (name: string): string => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface FormFieldProps {
  field: FieldSpec;
  value: string;
  messages: FieldMessage[];
  onChange(value: string): void;
}

/**
 * One labelled field: its hint and its error messages are tied to the control (aria-describedby),
 * which is marked aria-invalid while it has any.
 */
export function FormField({ field, value, messages, onChange }: FormFieldProps) {
  const { t } = useTranslator();
  const id = fieldId(field.name);
  const described = [field.hint && `${id}-hint`, messages.length > 0 && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.name,
    required: field.required,
    'aria-invalid': messages.length > 0 ? ('true' as const) : undefined,
    'aria-describedby': described,
    autocomplete: field.autocomplete,
  };
  const onInput = (event: Event) => onChange((event.currentTarget as HTMLInputElement).value);
  return (
    <div class={`field${messages.length > 0 ? ' invalid' : ''}`}>
      <label for={id}>
        {field.label}
        {field.required ? (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : (
          <span class="optional"> {t('form.optional')}</span>
        )}
      </label>
      {field.hint && (
        <p id={`${id}-hint`} class="hint">
          {field.hint}
        </p>
      )}
      {messages.length > 0 && (
        <ul id={`${id}-error`} class="field-error">
          {messages.map((message, at) => (
            <li key={at}>
              {message.text}
              {message.detail && (
                <>
                  {' '}
                  <span class="muted" lang="en">
                    {message.detail}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {field.type === 'select' ? (
        <select {...common} value={value} onChange={onInput}>
          <option value="">{t('form.choose')}</option>
          {(field.choices ?? []).map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : field.type === 'textarea' ? (
        <textarea {...common} value={value} onInput={onInput} rows={3} />
      ) : (
        // A number is typed as text, so that the checks read what was typed (a number input gives '' for '1,5').
        <input {...common} type={(field.type === 'number' ? 'text' : field.type) as 'text'} inputMode={field.type === 'number' ? 'numeric' : undefined} value={value} onInput={onInput} />
      )}
    </div>
  );
}
