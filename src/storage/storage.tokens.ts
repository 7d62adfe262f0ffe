/** Injection tokens of the storage ports, whose adapters are chosen by configuration. */
export const SQLITE_DATABASE = Symbol('SQLITE_DATABASE');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const KEY_VAULT = Symbol('KEY_VAULT');
