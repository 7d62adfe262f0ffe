/** Injection tokens of the storage ports, whose adapters are chosen by configuration. */
/** The SQLite connection of the read models (in embedded mode, also the events' and maybe the keys'). */
export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const KEY_VAULT = Symbol('KEY_VAULT');
