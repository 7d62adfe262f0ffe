/**
 * Keeps one encryption key per participant, apart from the events. Deleting a key is how personal
 * data is erased from an append-only log ("crypto-shredding").
 */
export interface KeyVault {
  /** The participant's key, created on first use. */
  keyFor(participantId: string): Promise<Buffer>;
  /** The participant's key, or null once shredded (or never created). */
  find(participantId: string): Promise<Buffer | null>;
  /** Deletes the key so that no copy of it remains in storage. Idempotent. */
  shred(participantId: string): Promise<void>;
}
