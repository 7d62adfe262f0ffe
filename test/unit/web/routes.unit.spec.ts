import { APP_PAGES, isAppPage } from '../../../src/web/web-app-policy';
import { matchRoute, ROUTES } from '../../../web/src/app/routes';

describe("the app's routes", () => {
  it('are the pages the service serves, and no other', () => {
    expect([...ROUTES.filter((route) => route !== '/cases/new'), '/'].sort()).toEqual([...APP_PAGES].sort());
    for (const route of ROUTES) expect(isAppPage(route.replace(/:[a-z]+/g, 'x-1'))).toBe(true);
  });

  it('match literal pages before patterns, and give the segments of a pattern', () => {
    expect(matchRoute('/cases/new')).toEqual({ route: '/cases/new', params: {} });
    expect(matchRoute('/cases/0b6c')).toEqual({ route: '/cases/:id', params: { id: '0b6c' } });
    expect(matchRoute('/cases/0b6c/record-exit')).toEqual({ route: '/cases/:id/:action', params: { id: '0b6c', action: 'record-exit' } });
    expect(matchRoute('/dashboards/')).toEqual({ route: '/dashboards', params: {} });
    expect(matchRoute('/cases/0b6c/void?sequence=3')).toEqual({ route: '/cases/:id/:action', params: { id: '0b6c', action: 'void' } });
  });

  it('match no page for a path of none', () => {
    for (const path of ['/', '/nope', '/cases/a/b/c', '/dashboards/x']) expect(matchRoute(path)).toBeNull();
  });

  it("serve the page only for segments made of a case id's or a form name's characters", () => {
    expect(isAppPage('/cases/3f2a-9c_1/record-exit')).toBe(true);
    for (const path of ['/cases/a.b', '/cases/%2e%2e', '/cases/', '/cases/a/b/c', '/trendsx']) expect(isAppPage(path)).toBe(false);
  });
});
