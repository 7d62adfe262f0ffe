import type { Session } from '../auth/session';
import type { MessageKey } from '../i18n/messages/en';
import type { Route } from './router';

/** A page of the signed-in app, and who may open it. */
export interface Page {
  path: Exclude<Route, '/sign-in'>;
  label: MessageKey;
  roles: Session['role'][];
}

export const PAGES: Page[] = [
  { path: '/dashboards', label: 'nav.dashboards', roles: ['adviser', 'coordinator', 'researcher', 'admin'] },
  { path: '/trends', label: 'nav.trends', roles: ['coordinator', 'researcher', 'admin'] },
  { path: '/life-paths', label: 'nav.lifePaths', roles: ['coordinator', 'researcher', 'admin'] },
];

/** The pages a role may open, in menu order. */
export const pagesOf = (role: Session['role']): Page[] => PAGES.filter((page) => page.roles.includes(role));
