import type { IncomingMessage } from 'node:http';

/**
 * The app's pages as path patterns (`:name` is one segment; web/src/app/routes.ts holds the same
 * list): each serves the same page, whose script shows the page of the path.
 */
export const APP_PAGES = ['/', '/sign-in', '/dashboards', '/trends', '/life-paths', '/cases', '/cases/:id', '/cases/:id/:action'] as const;

/** A `:name` segment: what case ids, `new` and the forms' names are made of. */
const SEGMENT = '[A-Za-z0-9_-]+';
const APP_PAGE_PATHS = new RegExp(`^(${APP_PAGES.map((page) => page.replace(/:[a-z]+/g, SEGMENT)).join('|')})$`);

/** Whether a path is one of the app's pages. */
export const isAppPage = (path: string): boolean => APP_PAGE_PATHS.test(path);

/** GraphiQL's page, outside production only. */
export const GRAPHIQL_PAGE = '/graphiql';

/** The request as the security headers see it: with the protocol the client used ('http' or 'https'). */
export type WithProtocol = { protocol?: string };

/** The page's own origin over WebSocket (live figures); a Host header that is not a host names nothing. */
const webSocketToSelf = (request: IncomingMessage): string => {
  const host = request.headers.host ?? '';
  if (!/^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host)) return "'self'";
  return `${(request as IncomingMessage & WithProtocol).protocol === 'https' ? 'wss' : 'ws'}://${host}`;
};

/**
 * The app's Content-Security-Policy: its scripts, style sheets, icons and fonts from its own
 * origin only, no inline script, requests to the API on the same origin (the WebSocket included),
 * no frame, no plugin.
 */
export const APP_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'", webSocketToSelf],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * GraphiQL's (development only): its editor (Monaco) adds style elements and inline styles, and
 * its style sheet embeds its icon fonts as data: URLs; still nothing from another origin.
 */
export const GRAPHIQL_POLICY = {
  ...APP_POLICY,
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'", 'data:'],
  imgSrc: ["'self'", 'data:'],
};

/** Which policy an answer takes: the app's for its pages and assets, GraphiQL's for its page, else none of these (the API's). */
export function webPolicyOf(request: IncomingMessage, production: boolean): 'app' | 'graphiql' | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const path = request.url?.split('?')[0] ?? '';
  if (!production && path === GRAPHIQL_PAGE) return 'graphiql';
  if (isAppPage(path) || path.startsWith('/assets/')) return 'app';
  return null;
}
