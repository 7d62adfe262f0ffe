import type { ComponentChildren } from 'preact';
import { lazy, Suspense } from 'preact/compat';
import { useErrorBoundary } from 'preact/hooks';
import { AppError } from '../api/failure';
import { ErrorMessage } from '../common/error-message';
import { useTranslator } from '../i18n/i18n';
import type { PageProps } from './pages';

export type PageComponent = (props: PageProps) => preact.JSX.Element;

/**
 * A page loaded when it is first opened (its own chunk of the build): the advisers' pages and
 * forms, which no other role downloads. A chunk that cannot be fetched (the network, or a newer
 * release that replaced it) is a NETWORK_ERROR, shown by PageLoading.
 */
export const loadedPage = <K extends string>(load: () => Promise<Record<K, PageComponent>>, name: K): PageComponent =>
  lazy(() =>
    load().then(
      (module) => ({ default: module[name] }),
      (error: unknown) => {
        throw new AppError('NETWORK_ERROR', error instanceof Error ? error.message : String(error));
      },
    ),
  );

/** Where a page is shown: "Loading…" while its chunk arrives, the error if it cannot. */
export function PageLoading({ children }: { children: ComponentChildren }) {
  const { t } = useTranslator();
  const [error] = useErrorBoundary();
  if (error !== undefined) return <ErrorMessage error={error} />;
  return <Suspense fallback={<p>{t('app.loading')}</p>}>{children}</Suspense>;
}
