/**
 * The words of a name as a search compares them: Unicode compatibility decomposition (NFKD), its
 * combining marks dropped (`é` → `e`, `ü` → `u`), lower case, split on anything that is not a
 * letter (spaces, hyphens, apostrophes, digits). So `Marie-Élise` is `marie` and `elise`, and
 * `Müller`, `MULLER` and `muller` are one word.
 */
export const nameWords = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/\P{L}+/u)
    .filter((word) => word !== '');
