export const ROLES = ['adviser', 'coordinator', 'researcher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Every city, for a `city` claim of '*'. */
export const ALL_CITIES = '*';

/** Who calls, from a verified bearer token. */
export interface Principal {
  sub: string;
  role: Role;
  /** A city code, ALL_CITIES, or null for roles that have no city (researchers, admins). */
  city: string | null;
}
