export const ROLES = ['adviser', 'coordinator', 'researcher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A role as a sentence names it: 'an adviser', 'a coordinator' ('An adviser' to begin one). */
export function withArticle(role: Role, { capital = false } = {}): string {
  const article = /^[aeiou]/.test(role) ? 'an' : 'a';
  return `${capital ? article.replace('a', 'A') : article} ${role}`;
}

/** Every city, for a `city` claim of '*'. */
export const ALL_CITIES = '*';

/** Who calls, from a verified bearer token. */
export interface Principal {
  sub: string;
  role: Role;
  /** A city code, ALL_CITIES, or null for roles that have no city (researchers, admins). */
  city: string | null;
  /**
   * When the token stops being honoured, in milliseconds since the epoch (its `exp`). A socket
   * keeps its caller for hours: every operation and push on it checks this.
   */
  expiresAt: number;
}

/** Whether a caller's token has expired: nothing is done for it any more. */
export const hasExpired = (principal: Principal): boolean => Date.now() >= principal.expiresAt;
