import { isKnownCode } from '../api/error-codes';
import { failureOf } from '../api/failure';
import { currentSession, signInAgain } from '../auth/session';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';

/** The app's labels of the fields of its requests, for the service's refusals that name one. */
const FIELD_LABELS: Record<string, MessageKey> = {
  asOf: 'dashboards.asOf',
  city: 'dashboards.city',
  programme: 'dashboards.programme',
  entryYear: 'lifePaths.entryYear',
  outcome: 'lifePaths.outcome',
  role: 'signIn.dev.role',
};

/**
 * An error as a person reads it, announced to screen readers: what happened and what to do in
 * their language (one message per code, web/src/api/error-codes.ts), the fields the service
 * refused, and, secondary, the service's own words in English and the code to tell support.
 * `title` says what failed (a download, a sign-in); by default that something did.
 */
export function ErrorMessage({ error, title = 'error.title' }: { error: unknown; title?: MessageKey }) {
  const { t } = useTranslator();
  const { code, detail, fieldErrors, retryAfterSeconds } = failureOf(error);
  const fieldName = (field: string) => (FIELD_LABELS[field] ? `${t(FIELD_LABELS[field])} (${field})` : field);
  return (
    <div class="error" role="alert">
      <p>
        <strong>{t(title)}</strong> {t(`error.${isKnownCode(code) ? code : 'UNEXPECTED_ERROR'}`, { seconds: retryAfterSeconds ?? 0 })}
      </p>
      {fieldErrors.length > 0 ? (
        <ul>
          {fieldErrors.map(({ field, message }) => (
            <li key={field}>
              {t('error.field', { field: fieldName(field) })}{' '}
              <span class="muted" lang="en">
                {message}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        detail && (
          <p class="muted">
            {t('error.detail')}{' '}
            <span lang="en">{detail}</span>
          </p>
        )
      )}
      {code === 'UNAUTHENTICATED' && currentSession() && (
        <p>
          <button type="button" onClick={() => void signInAgain()}>
            {t('error.signInAgain')}
          </button>
        </p>
      )}
      <p class="muted error-code">{t('error.code', { code })}</p>
    </div>
  );
}
