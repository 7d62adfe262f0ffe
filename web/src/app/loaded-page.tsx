import type { ComponentChildren } from 'preact';
import { Suspense } from 'preact/compat';
import { useErrorBoundary } from 'preact/hooks';
import { AppError } from '../api/failure';
import { ErrorMessage } from '../common/error-message';
import { useTranslator } from '../i18n/i18n';
import type { PageProps } from './pages';

export type PageComponent = (props: PageProps) => preact.JSX.Element;

/**
 * A page loaded when it is first opened (its own chunk of the build): the advisers' pages and
 * forms, which no other role downloads. A chunk that cannot be fetched (the network, or a newer
 * release that replaced it) is a NETWORK_ERROR, shown by PageLoading, and is fetched anew the next
 * time the page is shown (Preact's `lazy` would keep the failure until a reload).
 */
export function loadedPage<K extends string>(load: () => Promise<Record<K, PageComponent>>, name: K): PageComponent {
  let loaded: PageComponent | undefined;
  let loading: Promise<void> | undefined;
  let failed: AppError | undefined;
  // Chromium keeps a module that failed to load as failed: the next attempt asks for its address anew, under another query.
  let retry: (() => Promise<Record<K, PageComponent>>) | undefined;
  let attempts = 0;
  return function LoadedPage(props: PageProps) {
    if (loaded) {
      const Page = loaded;
      return <Page {...props} />;
    }
    if (failed) {
      // Shown once by the error boundary; the next showing tries again.
      const error = failed;
      failed = undefined;
      throw error;
    }
    loading ??= (retry ?? load)().then(
      (module) => {
        // A retry of a chunk the page's chunk imports (its address was the one in the error) brings no page: that takes a reload.
        if (typeof module[name] === 'function') loaded = module[name];
        else failed = new AppError('NETWORK_ERROR', `${name} needs the page to be loaded again`);
        loading = undefined;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        failed = new AppError('NETWORK_ERROR', message);
        loading = undefined;
        const address = /https?:\/\/\S+\.js/.exec(message)?.[0];
        attempts += 1;
        if (address !== undefined) retry = () => import(/* @vite-ignore */ `${address}?attempt=${attempts}`) as Promise<Record<K, PageComponent>>;
      },
    );
    // Suspense shows "Loading…" until the chunk is there (or has failed), then renders this again.
    throw loading;
  };
}

/** Where a page is shown: "Loading…" while its chunk arrives, the error if it cannot. */
export function PageLoading({ children }: { children: ComponentChildren }) {
  const { t } = useTranslator();
  const [error] = useErrorBoundary();
  if (error !== undefined) return <ErrorMessage error={error} />;
  return <Suspense fallback={<p>{t('app.loading')}</p>}>{children}</Suspense>;
}
