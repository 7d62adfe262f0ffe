import { newParticipantKey, openPersonalData, sealPersonalData } from '../../../src/personal-data/personal-data-cipher';

const PARTICIPANT = 'c0a8e7d2-5b7e-4f4e-9d57-2f1f0e6f3a11';
const OTHER_PARTICIPANT = '4f1d7a52-0c61-4b8e-8f0a-7d3c2b1e9a44';
const personal = { fullName: 'Marie-Claude Dubois', email: 'mc.dubois@example.fr', birthYear: 1954 };

const PREFIX = 'pd1:';
/** The envelope's bytes: IV (12), authentication tag (16), then the ciphertext. */
const envelopeBytes = (sealed: string): Buffer => Buffer.from(sealed.slice(PREFIX.length), 'base64');
const envelopeOf = (bytes: Buffer): string => PREFIX + bytes.toString('base64');

describe('Personal-data cipher', () => {
  const key = newParticipantKey();

  it('makes 32-byte keys, a new one each time', () => {
    expect(key).toHaveLength(32);
    expect(newParticipantKey().equals(key)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['a string', 'Wants to move to Lyon; daughter in Villeurbanne'],
    ['an object', personal],
    ['text outside ASCII', 'Überlegt Selbstständigkeit – Café in Södermalm'],
  ])('opens what it sealed: %s', (_, value) => {
    const sealed = sealPersonalData(key, PARTICIPANT, value);

    expect(sealed.startsWith(PREFIX)).toBe(true);
    expect(openPersonalData(key, PARTICIPANT, sealed)).toEqual(value);
  });

  it('shows neither the plaintext nor its base64 in the envelope', () => {
    const note = 'Diagnosed with burnout in 2006';
    const sealedNote = sealPersonalData(key, PARTICIPANT, note);
    const sealedPersonal = sealPersonalData(key, PARTICIPANT, personal);

    for (const [sealed, plaintexts] of [
      [sealedNote, [note, JSON.stringify(note), 'burnout']],
      [sealedPersonal, [JSON.stringify(personal), personal.fullName, personal.email, 'Dubois']],
    ] as const) {
      for (const plaintext of plaintexts) {
        expect(sealed).not.toContain(plaintext);
        expect(sealed).not.toContain(Buffer.from(plaintext).toString('base64'));
        expect(envelopeBytes(sealed).indexOf(Buffer.from(plaintext))).toBe(-1);
      }
    }
  });

  it('seals the same value differently each time (random IV)', () => {
    const first = sealPersonalData(key, PARTICIPANT, personal);
    const second = sealPersonalData(key, PARTICIPANT, personal);

    expect(first).not.toBe(second);
    expect(envelopeBytes(first).subarray(0, 12).equals(envelopeBytes(second).subarray(0, 12))).toBe(false);
    expect(openPersonalData(key, PARTICIPANT, first)).toEqual(openPersonalData(key, PARTICIPANT, second));
  });

  it('does not open with another key', () => {
    const sealed = sealPersonalData(key, PARTICIPANT, personal);

    expect(() => openPersonalData(newParticipantKey(), PARTICIPANT, sealed)).toThrow();
  });

  it("does not open under another participant's id (the id is authenticated data)", () => {
    const sealed = sealPersonalData(key, PARTICIPANT, personal);

    expect(() => openPersonalData(key, OTHER_PARTICIPANT, sealed)).toThrow();
  });

  it.each([
    ['the IV', 0],
    ['the authentication tag', 12],
    ['the ciphertext', 28],
    ['the last byte', -1],
  ])('does not open an envelope with a bit of %s flipped', (_, offset) => {
    const bytes = envelopeBytes(sealPersonalData(key, PARTICIPANT, personal));
    const at = offset < 0 ? bytes.length + offset : offset;
    bytes[at] ^= 0x01;

    expect(() => openPersonalData(key, PARTICIPANT, envelopeOf(bytes))).toThrow();
  });

  it('does not open a truncated envelope', () => {
    const bytes = envelopeBytes(sealPersonalData(key, PARTICIPANT, personal));

    expect(() => openPersonalData(key, PARTICIPANT, envelopeOf(bytes.subarray(0, bytes.length - 1)))).toThrow();
  });

  it('refuses a value without the envelope prefix', () => {
    const sealed = sealPersonalData(key, PARTICIPANT, personal);

    expect(() => openPersonalData(key, PARTICIPANT, sealed.slice(PREFIX.length))).toThrow('Not a sealed personal-data envelope');
    expect(() => openPersonalData(key, PARTICIPANT, JSON.stringify(personal))).toThrow('Not a sealed personal-data envelope');
  });
});
