import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { City } from '../../../web/src/api/types';
import { de } from '../../../web/src/i18n/messages/de';
import { en, type MessageKey } from '../../../web/src/i18n/messages/en';
import { fr } from '../../../web/src/i18n/messages/fr';
import { sv } from '../../../web/src/i18n/messages/sv';
import { entryQuarter } from '../../../web/src/life-paths/entry-quarter';
import { stepName } from '../../../web/src/life-paths/step-name';

const LANGUAGES = { en, fr, de, sv };

/**
 * The app's messages of a language, their plain arguments filled in (what these messages hold).
 * Not web/src/i18n/i18n.tsx's translator: @formatjs/intl loads intl-messageformat, an ES module
 * this Jest on Node 20 does not compile.
 */
function translatorOf(language: keyof typeof LANGUAGES) {
  const messages: Record<string, string> = LANGUAGES[language];
  const t = (key: MessageKey, values: Record<string, string | number> = {}) =>
    parse(messages[key]!)
      .map((element) => {
        if (element.type === TYPE.literal) return element.value;
        if (element.type === TYPE.argument) return String(values[element.value]);
        throw new Error(`${key}: no plain message`);
      })
      .join('');
  return { t, intl: { messages } };
}

const PARIS: City = { code: 'paris', name: 'Paris', timeZone: 'Europe/Paris', positiveExitTarget: 0.6, partners: [{ code: 'anpe-gare-de-lyon', name: 'ANPE Espace cadres Gare de Lyon' }], programmes: [] };

describe("a life path's step and entry period in the viewer's language (web/src/life-paths)", () => {
  it("names a referral's partner from the catalogue, and keeps a code the catalogue does not know", () => {
    const tr = translatorOf('en');
    expect(stepName(tr, { month: 0, kind: 'REFERRED', detail: 'anpe-gare-de-lyon' }, [PARIS])).toBe('Referred to a partner (ANPE Espace cadres Gare de Lyon)');
    expect(stepName(tr, { month: 0, kind: 'REFERRED', detail: 'closed-agency' }, [PARIS])).toBe('Referred to a partner (closed-agency)');
  });

  it.each([
    ['en', 'Q2 2007'],
    ['fr', 'T2 2007'],
    ['de', 'Q2 2007'],
    ['sv', 'kv. 2 2007'],
  ] as const)('writes the entry quarter 2007-Q2 in %s as %s; a generalised year or any period is no quarter', (locale, written) => {
    const tr = translatorOf(locale);
    expect(entryQuarter(tr, '2007-Q2')).toBe(written);
    expect(entryQuarter(tr, '2007')).toBeNull();
    expect(entryQuarter(tr, '*')).toBeNull();
  });
});
