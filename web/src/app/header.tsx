import { ROLES, type Session, signOut } from '../auth/session';
import { scopeName, useCatalogue } from '../common/catalogue';
import { useTranslator } from '../i18n/i18n';
import { LOCALE_NAMES, LOCALES, type Locale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages/en';
import type { Page } from './pages';
import { navigate } from './router';
import { matchRoute } from './routes';

interface HeaderProps {
  session: Session | null;
  /** The menu's pages. */
  pages: (Page & { label: MessageKey })[];
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
  // The menu's entry of the section the page is in: "Cases" on a case file and its forms too.
  const route = matchRoute(path)?.route;
  const current = (page: Page) => route !== undefined && (route === page.path || route.startsWith(`${page.path}/`));
  return (
    <header class="app-header">
      <p class="app-title">{t('app.title')}</p>
      {pages.length > 0 && (
        <nav aria-label={t('nav.label')}>
          <ul>
            {pages.map((page) => (
              <li key={page.path}>
                <a href={page.path} onClick={follow(page)} aria-current={current(page) ? 'page' : undefined}>
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
            <SignedInAs session={session} />
            <button type="button" onClick={() => void signOut()}>
              {t('session.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}

/** Who is signed in: the role, and the city by its name in the catalogue (its code until the catalogue is read, or for a city it does not hold). */
function SignedInAs({ session }: { session: Session }) {
  const { t } = useTranslator();
  const cities = useCatalogue();
  const known = (ROLES as readonly string[]).includes(session.role);
  return (
    <span class="who">
      {t('session.signedInAs', {
        role: known ? t(`role.${session.role}` as MessageKey) : session.role,
        city: session.city === '*' ? t('session.allCities') : scopeName(cities.value, session.city, null),
      })}
    </span>
  );
}
