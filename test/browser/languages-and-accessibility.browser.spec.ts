import { browserTestbed, devSignIn, LANGUAGES, screenshot, untranslatedKeys, violations } from '../support/browser';

/** Each page of the app as a role sees it, and what shows once it has loaded. */
const PAGES = [
  { name: 'coordinator-dashboards', role: 'coordinator', path: '/dashboards', loaded: '.survival-table' },
  { name: 'coordinator-trends', role: 'coordinator', path: '/trends', loaded: '.trend-table' },
  { name: 'coordinator-life-paths', role: 'coordinator', path: '/life-paths', loaded: 'table.life-paths' },
  { name: 'researcher-dashboards', role: 'researcher', path: '/dashboards', loaded: '.survival-table' },
  { name: 'researcher-trends', role: 'researcher', path: '/trends', loaded: '.trend-table' },
  { name: 'researcher-life-paths', role: 'researcher', path: '/life-paths', loaded: 'table.life-paths' },
];

describe('every page in every language (Chromium, the built demo service, axe-core)', () => {
  const testbed = browserTestbed();

  describe.each(LANGUAGES)('in %s (the browser’s language)', (language) => {
    it('signs in on a page with no untranslated key and no WCAG 2.2 AA violation', async () => {
      const { page } = await testbed.newPage(language);
      await page.goto(`${testbed.origin}/sign-in`);
      await page.locator('form.dev-sign-in').waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(await violations(page)).toEqual([]);
      await screenshot(page, `sign-in-${language}`);
    }, 60_000);

    // A generous timeout: axe over a page of 100 life paths takes up to a minute on a busy shared machine.
    it.each(PAGES)('shows $name with no untranslated key and no WCAG 2.2 AA violation', async ({ name, role, path, loaded }) => {
      const { page } = await testbed.newPage(language);
      await devSignIn(page, testbed.origin, role);
      await page.goto(`${testbed.origin}${path}`);
      await page.locator(loaded).first().waitFor({ state: 'attached', timeout: 20_000 });
      // The curve's table is folded away; opened, axe and the reader see it too.
      for (const summary of await page.locator('details summary').all()) await summary.click();
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(await violations(page)).toEqual([]);
      await screenshot(page, `${name}-${language}`);
    }, 150_000);
  });
});
