/** The read models the runner keeps up to date, provided by the modules that own them. */
export const PROJECTIONS = Symbol('PROJECTIONS');

/** How the read models are verified (ReadModelVerifier), where a module provides it: else on the runner's connection. */
export const READ_MODEL_VERIFIER = Symbol('READ_MODEL_VERIFIER');
