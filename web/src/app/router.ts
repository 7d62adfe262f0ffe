import { useEffect, useState } from 'preact/hooks';

/** The app's pages; the service serves the app's page at each of these paths. */
const ROUTES = ['/sign-in', '/dashboards', '/trends', '/life-paths'] as const;
export type Route = (typeof ROUTES)[number];

const listeners = new Set<() => void>();
addEventListener('popstate', () => listeners.forEach((listener) => listener()));

/** Goes to a page of the app without reloading it. */
export function navigate(path: Route, replace = false): void {
  if (location.pathname === path) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

/** The path shown, kept up to date. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return path;
}
