import type { Session } from '../auth/session';
import type { MessageKey } from '../i18n/messages/en';
import type { Route } from './routes';

/** A page of the signed-in app, who may open it, and its menu label when it is in the menu. */
export interface Page {
  path: Exclude<Route, '/sign-in'>;
  label: MessageKey | null;
  roles: Session['role'][];
}

export const PAGES: Page[] = [
  { path: '/cases', label: 'nav.cases', roles: ['adviser'] },
  { path: '/cases/new', label: null, roles: ['adviser'] },
  { path: '/cases/:id', label: null, roles: ['adviser'] },
  { path: '/cases/:id/:action', label: null, roles: ['adviser'] },
  { path: '/dashboards', label: 'nav.dashboards', roles: ['adviser', 'coordinator', 'researcher', 'admin'] },
  { path: '/trends', label: 'nav.trends', roles: ['coordinator', 'researcher', 'admin'] },
  { path: '/life-paths', label: 'nav.lifePaths', roles: ['coordinator', 'researcher', 'admin'] },
];

/** What every page is given: the session, and the values of its path's `:name` segments. */
export interface PageProps {
  session: Session;
  params: Record<string, string>;
}

/** The pages a role may open, in menu order. */
export const pagesOf = (role: Session['role']): Page[] => PAGES.filter((page) => page.roles.includes(role));

/** The pages of a role's menu. */
export const menuOf = (role: Session['role']): (Page & { label: MessageKey })[] =>
  pagesOf(role).filter((page): page is Page & { label: MessageKey } => page.label !== null);
