import { RandomBytesPool } from '../../../src/personal-data/random-bytes-pool';

describe('RandomBytesPool', () => {
  it('hands out copies of bytes never handed out before, across refills', () => {
    const pool = new RandomBytesPool(64);
    const taken = Array.from({ length: 40 }, () => pool.take(12));

    expect(taken.every((bytes) => bytes.length === 12)).toBe(true);
    // 480 bytes from a 64-byte pool: seven refills. Twelve random bytes repeat with a chance of 2^-96.
    expect(new Set(taken.map((bytes) => bytes.toString('hex'))).size).toBe(40);
    const first = Buffer.from(taken[0]);
    pool.take(60);
    expect(taken[0]).toEqual(first);
  });

  it('refuses more bytes at once than it holds', () => {
    expect(() => new RandomBytesPool(16).take(17)).toThrow(RangeError);
  });
});
