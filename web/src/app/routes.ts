/**
 * The app's pages as path patterns (`:name` is one segment); the service serves the app's page at
 * each of them (src/web/web-app-policy.ts holds the same list).
 */
export const ROUTES = ['/sign-in', '/dashboards', '/trends', '/life-paths', '/cases', '/cases/new', '/cases/:id', '/cases/:id/:action'] as const;
export type Route = (typeof ROUTES)[number];

/** A path matched to its page: the pattern, and the values of its `:name` segments. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

const segmentsOf = (path: string): string[] => path.split('/').filter(Boolean);

/** The page a path shows, literal patterns first (`/cases/new` before `/cases/:id`); null for none. */
export function matchRoute(path: string): RouteMatch | null {
  const segments = segmentsOf(path.split(/[?#]/)[0]!);
  const candidates = ROUTES.filter((route) => segmentsOf(route).length === segments.length);
  const literalFirst = [...candidates].sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')));
  for (const route of literalFirst) {
    const params: Record<string, string> = {};
    const matches = segmentsOf(route).every((part, at) => {
      const segment = decodeURIComponent(segments[at]!);
      if (part.startsWith(':')) params[part.slice(1)] = segment;
      return part.startsWith(':') || part === segment;
    });
    if (matches) return { route, params };
  }
  return null;
}

