import { createHmac } from 'node:crypto';
import { commandIdDigester } from '../../../src/personal-data/command-id-digest';

const SECRET = 'a-pseudonym-secret-of-at-least-32-characters';

describe('commandId digests', () => {
  const digest = commandIdDigester(SECRET);

  it('gives the same digest for the same id, so that a retry is recognised', () => {
    expect(digest('enrol-ZEBULON-QUAGGA')).toBe(commandIdDigester(SECRET)('enrol-ZEBULON-QUAGGA'));
  });

  it('keeps nothing of the id that can be read back, and tells ids apart', () => {
    const kept = digest('enrol-ZEBULON-QUAGGA');
    expect(kept).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(kept.toUpperCase()).not.toContain('ZEBULON');
    expect(digest('enrol-ZEBULON-QUAGGB')).not.toBe(kept);
  });

  it('depends on the secret, through a key of its own: not the HMAC under the pseudonym secret itself', () => {
    const id = 'c0a8e7d2-5b7e-4f4e-9d57-2f1f0e6f3a11';
    expect(commandIdDigester(`${SECRET}!`)(id)).not.toBe(digest(id));
    expect(digest(id)).not.toBe(createHmac('sha256', SECRET).update(id).digest('base64url'));
  });
});
