import { randomFillSync } from 'node:crypto';

/**
 * Random bytes drawn from the system's generator a few kilobytes at a time and handed out once
 * each, as Node's randomUUID does: asking the generator for every seal's 12-byte IV took a third
 * of sealing a note. A byte handed out is never handed out again (the pool is refilled only once
 * used up), so IVs stay as unpredictable and as unique as drawn one by one.
 */
export class RandomBytesPool {
  private readonly pool: Buffer;
  private used: number;

  constructor(size = 4096) {
    this.pool = Buffer.alloc(size);
    this.used = size;
  }

  /** `count` fresh random bytes, a copy of their own (at most the pool's size). */
  take(count: number): Buffer {
    if (count > this.pool.length) throw new RangeError(`At most ${this.pool.length} random bytes at a time, not ${count}`);
    if (this.used + count > this.pool.length) {
      randomFillSync(this.pool);
      this.used = 0;
    }
    const taken = Buffer.from(this.pool.subarray(this.used, this.used + count));
    this.used += count;
    return taken;
  }
}
