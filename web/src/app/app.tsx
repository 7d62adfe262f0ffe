import { useEffect, useMemo, useState } from 'preact/hooks';
import { reconnectLiveUpdates } from '../api/client';
import { onSessionChange, returnPage, type Session, signOut, startSession } from '../auth/session';
import { ErrorMessage } from '../common/error-message';
import { DashboardsPage } from '../dashboards/dashboards-page';
import { translator, TranslatorProvider, useTranslator } from '../i18n/i18n';
import { initialLocale, keepLocale, type Locale } from '../i18n/locale';
import { LifePathsPage } from '../life-paths/life-paths-page';
import { TrendsPage } from '../trends/trends-page';
import { Header } from './header';
import { loadedPage, type PageComponent, PageLoading } from './loaded-page';
import { menuOf, type Page, pagesOf } from './pages';
import { navigate, usePath } from './router';
import { matchRoute } from './routes';
import { SignInPage } from './sign-in-page';

const PAGE_COMPONENTS: Record<Page['path'], PageComponent> = {
  '/cases': loadedPage(() => import('../cases/case-list-page'), 'CaseListPage'),
  '/cases/new': loadedPage(() => import('../commands/enrol-page'), 'EnrolPage'),
  '/cases/:id': loadedPage(() => import('../cases/case-file-page'), 'CaseFilePage'),
  '/cases/:id/:action': loadedPage(() => import('../commands/command-page'), 'CommandPage'),
  '/dashboards': DashboardsPage,
  '/trends': TrendsPage,
  '/life-paths': LifePathsPage,
};

/** The whole app: the language, the session, and the page of the path. */
export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [startError, setStartError] = useState<unknown>(undefined);
  const path = usePath();
  const t = useMemo(() => translator(locale), [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t.t('app.title');
  }, [locale]);

  useEffect(() => {
    const stop = onSessionChange((changed) => {
      reconnectLiveUpdates();
      setSession(changed);
    });
    startSession().then(setSession, (error: unknown) => {
      setStartError(error);
      setSession(null);
    });
    return stop;
  }, []);

  const pages = session ? pagesOf(session.role) : [];
  const match = matchRoute(path);
  const page = pages.find((p) => p.path === match?.route);
  useEffect(() => {
    if (session === undefined) return;
    if (!session) navigate('/sign-in', true);
    else if (!page && pages.length > 0) {
      // Back to the page signing in again was asked from, when this role has it.
      const back = returnPage();
      const backRoute = back === null ? null : matchRoute(new URL(back, location.origin).pathname)?.route;
      navigate(back !== null && pages.some((p) => p.path === backRoute) ? back : pages[0]!.path, true);
    }
  }, [session, page]);

  const chooseLocale = (chosen: Locale) => {
    keepLocale(chosen);
    setLocale(chosen);
  };
  const Content = page && PAGE_COMPONENTS[page.path];
  return (
    <TranslatorProvider value={t}>
      <a class="skip-link" href="#main">
        {t.t('app.skipToContent')}
      </a>
      <Header session={session ?? null} pages={session ? menuOf(session.role) : []} path={path} locale={locale} onLocale={chooseLocale} />
      <main id="main" tabIndex={-1}>
        {startError !== undefined && <ErrorMessage error={startError} title="error.signInTitle" />}
        {session === undefined && <p>{t.t('app.loading')}</p>}
        {session === null && <SignInPage />}
        {session && Content && (
          <PageLoading key={path}>
            <Content session={session} params={match!.params} />
          </PageLoading>
        )}
        {session && pages.length === 0 && <NoPage role={session.role} />}
      </main>
    </TranslatorProvider>
  );
}

/** A token of a role this app has no page for (the service knows more roles, or the token is odd): say so, and offer a way out. */
function NoPage({ role }: { role: string }) {
  const { t } = useTranslator();
  return (
    <div class="note" role="alert">
      <p>{t('app.noPage', { role })}</p>
      <p>
        <button type="button" onClick={() => void signOut()}>
          {t('session.signOut')}
        </button>
      </p>
    </div>
  );
}
