/**
 * Keeps one encryption key per participant, apart from the events. Deleting a key is how personal
 * data is erased from an append-only log ("crypto-shredding").
 */
export interface KeyVault {
  /** The participant's key, created on first use. Rejects with KeyShredded once the key is shredded: it is never created again. */
  keyFor(participantId: string): Promise<Buffer>;
  /** The participant's key, or null once shredded (or never created). */
  find(participantId: string): Promise<Buffer | null>;
  /**
   * Makes the key unreadable at once and for ever. Removing every stored copy of it (a storage's
   * logs, caches, replicas) may finish later: the vault completes it on its own, and reports it
   * meanwhile in `pendingRemovals`. Idempotent.
   */
  shred(participantId: string): Promise<void>;
  /** Keys shredded whose every stored copy is not removed yet. */
  pendingRemovals(): Promise<PendingKeyRemovals>;
}

/** Shredded keys of which a copy may still be found in storage, by someone reading it directly. */
export interface PendingKeyRemovals {
  count: number;
  /** When the oldest of them was shredded; null when none is pending. */
  oldestSince: Date | null;
}

/** Personal data was asked to be sealed under a key that is shredded. */
export class KeyShredded extends Error {
  override readonly name = 'KeyShredded';
  constructor(readonly participantId: string) {
    super(`The key of participant ${participantId} is shredded`);
  }
}
