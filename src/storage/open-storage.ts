/** What the storage module opened, to be closed once nothing uses it any more. */
export interface OpenStorage {
  close(): Promise<void>;
}

export const OPEN_STORAGE = Symbol('OPEN_STORAGE');
