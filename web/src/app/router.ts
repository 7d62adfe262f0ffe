import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
addEventListener('popstate', () => listeners.forEach((listener) => listener()));

/**
 * What a page keeps in its history entry rather than in its address (the address goes to the
 * browser's history, to other tabs' suggestions, to the sign-in's way back): a name searched for.
 */
export type PageState = Record<string, string> | null;

/** Goes to a page of the app (a path, with its query if any, and its entry's state) without reloading it. */
export function navigate(path: string, replace = false, state: PageState = null): void {
  if (location.pathname + location.search === path && JSON.stringify(history.state ?? null) === JSON.stringify(state)) return;
  if (replace) history.replaceState(state, '', path);
  else history.pushState(state, '', path);
  listeners.forEach((listener) => listener());
}

/** A part of the address shown, kept up to date. */
function useLocationPart(read: () => string): string {
  const [part, setPart] = useState(read);
  useEffect(() => {
    const update = () => setPart(read());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return part;
}

/** The path shown, kept up to date. */
export const usePath = (): string => useLocationPart(() => location.pathname);

/** The query string shown (`?status=ACTIVE`, or ''), kept up to date: a page that keeps its choices there reads them back. */
export const useSearch = (): string => useLocationPart(() => location.search);

/** A text the history entry shown keeps (see PageState; '' if none), kept up to date: it comes back with a reload, back and forward in the tab. */
export const useStateText = (name: string): string =>
  useLocationPart(() => {
    const value: unknown = (history.state as Record<string, unknown> | null)?.[name];
    return typeof value === 'string' ? value : '';
  });
