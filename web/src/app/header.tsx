import { type Session, signOut } from '../auth/session';
import { useTranslator } from '../i18n/i18n';
import { LOCALE_NAMES, LOCALES, type Locale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages/en';
import type { Page } from './pages';
import { navigate } from './router';

interface HeaderProps {
  session: Session | null;
  pages: Page[];
  path: string;
  locale: Locale;
  onLocale(locale: Locale): void;
}

/** The app's title, its pages, who is signed in, and the language switch. */
export function Header({ session, pages, path, locale, onLocale }: HeaderProps) {
  const { t } = useTranslator();
  const follow = (page: Page) => (event: MouseEvent) => {
    event.preventDefault();
    navigate(page.path);
    document.getElementById('main')?.focus();
  };
  return (
    <header class="app-header">
      <p class="app-title">{t('app.title')}</p>
      {session && (
        <nav aria-label={t('nav.label')}>
          <ul>
            {pages.map((page) => (
              <li key={page.path}>
                <a href={page.path} onClick={follow(page)} aria-current={page.path === path ? 'page' : undefined}>
                  {t(page.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div class="header-tools">
        <label>
          {t('language.label')}{' '}
          <select value={locale} onChange={(event) => onLocale(event.currentTarget.value as Locale)}>
            {LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        {session && (
          <>
            <span class="who">
              {t('session.signedInAs', {
                role: t(`role.${session.role}` as MessageKey),
                city: session.city === '*' || !session.city ? t('session.allCities') : session.city,
              })}
            </span>
            <button type="button" onClick={() => void signOut()}>
              {t('session.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
