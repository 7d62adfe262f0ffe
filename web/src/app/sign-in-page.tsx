import { useState } from 'preact/hooks';
import { devSignIn, ROLES, type Role, signIn, signInOptions } from '../auth/session';
import { CatalogueOptions } from '../common/catalogue';
import { ErrorMessage } from '../common/error-message';
import { useAsync } from '../common/use-async';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';

/** Sign-in through the organisation's OpenID provider, and in development a role and city to try. */
export function SignInPage() {
  const { t } = useTranslator();
  const options = useAsync(signInOptions, []);
  const [role, setRole] = useState<Role>('coordinator');
  const [city, setCity] = useState('*');
  const [error, setError] = useState<unknown>(undefined);
  const attempt = (action: () => Promise<unknown>) => {
    setError(undefined);
    action().catch(setError);
  };
  const onDevSignIn = (event: Event) => {
    event.preventDefault();
    attempt(() => devSignIn(role, city));
  };
  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {options.error !== undefined && <ErrorMessage error={options.error} />}
      {error !== undefined && <ErrorMessage error={error} title="error.signInTitle" />}
      {options.value?.oidc && (
        <p>
          <button type="button" class="primary" onClick={() => attempt(signIn)}>
            {t('signIn.oidc')}
          </button>
        </p>
      )}
      {options.value?.devSignIn && (
        <form class="dev-sign-in" onSubmit={onDevSignIn}>
          <h2>{t('signIn.dev.title')}</h2>
          <p>{t('signIn.dev.note')}</p>
          <label>
            {t('signIn.dev.role')}
            <select name="role" value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('signIn.dev.city')}
            <select name="city" value={city} onChange={(event) => setCity(event.currentTarget.value)}>
              <option value="*">{t('session.allCities')}</option>
              <CatalogueOptions entries={options.value.devSignInCities} />
            </select>
          </label>
          <button type="submit" class="primary">
            {t('signIn.dev.submit')}
          </button>
        </form>
      )}
      {options.value && !options.value.oidc && !options.value.devSignIn && <p>{t('signIn.none')}</p>}
    </section>
  );
}
