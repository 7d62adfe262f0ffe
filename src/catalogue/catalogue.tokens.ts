/** Injection token of the catalogue in force (built in, or read from PROGRAMMES_FILE at start). */
export const CATALOGUE = Symbol('CATALOGUE');
