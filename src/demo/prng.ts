// A small seeded PRNG for the demo data: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
// 128 bits of state), seeded through the murmur3 finaliser. Only integer arithmetic and sqrt are
// used, so a seed gives the same numbers on every platform.

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers that mixes every bit. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hashes a few 32-bit words into one. */
export function hash32(...words: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const w of words) h = mix32((h ^ mix32(w >>> 0)) + 0x6d2b79f5);
  return h;
}

export type Weighted<T> = readonly (readonly [T, number])[];

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeded from any number of 32-bit words (a seed, an index...). */
  constructor(...words: readonly number[]) {
    this.a = hash32(1, ...words);
    this.b = hash32(2, ...words);
    this.c = hash32(3, ...words);
    this.d = hash32(4, ...words);
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  weighted<T>(table: Weighted<T>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.float() * total;
    for (const [value, w] of table) {
      if (r < w) return value;
      r -= w;
    }
    return table[table.length - 1]![0];
  }

  /** Triangular distribution on [min, max] with its mode at `mode`, rounded to an integer. */
  triangular(min: number, mode: number, max: number): number {
    const u = this.float();
    const cut = (mode - min) / (max - min || 1);
    const x =
      u < cut ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    return Math.round(x);
  }
}
