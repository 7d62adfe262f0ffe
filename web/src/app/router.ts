import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
addEventListener('popstate', () => listeners.forEach((listener) => listener()));

/** Goes to a page of the app (a path, with its query if any) without reloading it. */
export function navigate(path: string, replace = false): void {
  if (location.pathname + location.search === path) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
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
