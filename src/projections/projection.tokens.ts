/** The read models the runner keeps up to date, provided by the modules that own them. */
export const PROJECTIONS = Symbol('PROJECTIONS');
