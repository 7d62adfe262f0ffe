import { CombinedError } from '@urql/core';
import { errorCode } from '../api/client';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';

const KNOWN_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'RATE_LIMITED', 'SERVICE_BUSY', 'network']);

/** An error as a person reads it, in their language, announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslator();
  const { code, message } =
    error instanceof CombinedError ? errorCode(error) : { code: 'unknown', message: error instanceof Error ? error.message : String(error) };
  const text = KNOWN_CODES.has(code) ? t(`error.${code}` as MessageKey, { message }) : t('error.unknown', { message });
  return (
    <div class="error" role="alert">
      <strong>{t('error.title')}</strong> {text}
    </div>
  );
}
