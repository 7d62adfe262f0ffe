import { InvalidInput } from '../../journey/domain/errors';

/** Longer than any reference or name a person types into a search box. */
export const MAX_SEARCH_LENGTH = 100;

/** What a case search was given, trimmed; refused (BAD_USER_INPUT on `search`) when nothing could match it. */
export function checkedSearchText(search: string): string {
  const text = search.trim();
  if (text.length > MAX_SEARCH_LENGTH) throw new InvalidInput([{ field: 'search', message: `search must be at most ${MAX_SEARCH_LENGTH} characters` }]);
  if (!/[\p{L}\p{N}]/u.test(text)) throw new InvalidInput([{ field: 'search', message: 'search must hold a letter or a digit' }]);
  return text;
}
