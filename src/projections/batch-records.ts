/**
 * The records a projection writer changes during one batch, by key: each is loaded at most once,
 * changed in memory, and written once when the batch is flushed, however many of the batch's
 * events change it. Nothing outlives the batch: `flush` and `discard` both forget every record, so
 * the next batch (or the retry of a failed one) loads what its transaction can see.
 */
export class BatchRecords<T> {
  private readonly held = new Map<string, { loaded: T | undefined; current: T | undefined }>();

  constructor(
    private readonly load: (key: string) => T | undefined,
    /** `loaded` is the record as the batch found it: undefined when it had none. */
    private readonly save: (key: string, record: T, loaded: T | undefined) => void,
  ) {}

  get(key: string): T | undefined {
    let entry = this.held.get(key);
    if (entry === undefined) {
      const loaded = this.load(key);
      entry = { loaded, current: loaded };
      this.held.set(key, entry);
    }
    return entry.current;
  }

  /** Only after `get(key)` in the same batch: what the batch found is what `save` is told. */
  set(key: string, record: T): void {
    const entry = this.held.get(key);
    if (entry === undefined) throw new Error(`BatchRecords.set before get for ${key}`);
    entry.current = record;
  }

  /** Writes every record the batch changed; forgets them all first, so that a failed write leaves nothing behind. */
  flush(): void {
    const held = [...this.held];
    this.held.clear();
    for (const [key, { loaded, current }] of held) if (current !== loaded) this.save(key, current!, loaded);
  }

  discard(): void {
    this.held.clear();
  }
}
