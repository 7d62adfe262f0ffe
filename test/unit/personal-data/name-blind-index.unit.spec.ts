import { nameTokenizer, TOKEN_BITS } from '../../../src/personal-data/name-blind-index';
import { nameWords } from '../../../src/personal-data/name-words';

describe('the words of a name', () => {
  it.each([
    ['Marie-Élise Dupont', ['marie', 'elise', 'dupont']],
    ['Jürgen MÜLLER', ['jurgen', 'muller']],
    ["  d'Artagnan  O’Brien ", ['d', 'artagnan', 'o', 'brien']],
    ['Ｍａｒｉｅ', ['marie']],
    ['Åsa Öberg', ['asa', 'oberg']],
    ['-- 42 !', []],
  ])('of %j are %j', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('the blind-index token of a word', () => {
  const tokenOf = nameTokenizer('a-pseudonym-secret-of-thirty-two-characters');

  it(`is the same for the same word, and a number of ${TOKEN_BITS} bits`, () => {
    expect(tokenOf('dupont')).toBe(tokenOf('dupont'));
    for (const word of ['dupont', 'marie', 'muller', 'x']) {
      expect(Number.isInteger(tokenOf(word))).toBe(true);
      expect(tokenOf(word)).toBeGreaterThanOrEqual(0);
      expect(tokenOf(word)).toBeLessThan(2 ** TOKEN_BITS);
    }
  });

  it('depends on the secret: another deployment has other tokens', () => {
    const other = nameTokenizer('another-pseudonym-secret-of-thirty-two-chars');
    const words = ['dupont', 'marie', 'muller', 'elise', 'jean'];
    expect(words.map(other)).not.toEqual(words.map(tokenOf));
  });

  it('lets many words share a token (the point of truncating): 100,000 words take at most 65,536 tokens', () => {
    const tokens = new Set(Array.from({ length: 100_000 }, (_, i) => tokenOf(`word${i}`)));
    expect(tokens.size).toBeLessThanOrEqual(2 ** TOKEN_BITS);
    expect(tokens.size).toBeGreaterThan(50_000);
  });
});
