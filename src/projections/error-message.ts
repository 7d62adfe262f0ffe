/**
 * The message of anything thrown. Not `instanceof Error`: errors made by a native addon (SQLite)
 * may come from another realm, as under jest, and would print with their class name.
 */
export const errorMessage = (error: unknown): string =>
  typeof (error as { message?: unknown })?.message === 'string' ? (error as { message: string }).message : String(error);
