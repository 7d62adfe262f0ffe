import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { de } from '../../../web/src/i18n/messages/de';
import { en } from '../../../web/src/i18n/messages/en';
import { fr } from '../../../web/src/i18n/messages/fr';
import { sv } from '../../../web/src/i18n/messages/sv';

const TRANSLATIONS = { fr, de, sv } as const;

/** The arguments a message formats ({city}, {count, plural, …}), by name and type, its nested ones included. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && element.type !== TYPE.literal) found.add(`${element.value}:${TYPE[element.type]}`);
      if ('options' in element) for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  return [...found].sort();
}

describe("the web app's messages in its four languages (the ICU parser the app formats them with)", () => {
  it('parses every English message, and finds the arguments of one', () => {
    for (const message of Object.values(en)) expect(() => parse(message)).not.toThrow();
    expect(argumentsOf(en['session.signedInAs'])).toEqual(['city:argument', 'role:argument']);
    expect(argumentsOf('{count, plural, one {# path} other {# paths of {city}}}')).toEqual(['city:argument', 'count:plural']);
  });

  describe.each(Object.entries(TRANSLATIONS))('in %s', (_language, messages) => {
    it('has every English key and no other', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });

    it('formats the same arguments as English in every message, so no value goes missing or shows as {name}', () => {
      const differing = Object.entries(en)
        .filter(([key, message]) => argumentsOf(messages[key as keyof typeof en]).join() !== argumentsOf(message).join())
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });

    it('translates the messages: at most a few words read the same as in English (names, abbreviations)', () => {
      const same = Object.entries(en).filter(([key, message]) => /\p{L}{3}/u.test(message) && messages[key as keyof typeof en] === message);
      expect(same.length).toBeLessThanOrEqual(Object.keys(en).length * 0.05);
    });
  });
});
