import type { JourneyEvent } from '../../../src/journey/domain/events';
import { KeyShredded, type KeyVault, type PendingKeyRemovals } from '../../../src/personal-data/key-vault.port';
import { newParticipantKey, openPersonalData } from '../../../src/personal-data/personal-data-cipher';
import { sealEventData } from '../../../src/personal-data/personal-data-codec';

const PARTICIPANT = 'c0a8e7d2-5b7e-4f4e-9d57-2f1f0e6f3a11';
const personal = { fullName: 'Marie-Claude Dubois', email: 'mc.dubois@example.fr', phone: null };
const SEALED = expect.stringMatching(/^pd1:/);

/** Keys in a Map: the port's contract in memory (a shredded key is never created again), counting the keys asked for. */
class InMemoryKeyVault implements KeyVault {
  readonly keys = new Map<string, Buffer>();
  readonly shredded = new Set<string>();
  keyRequests = 0;

  async keyFor(participantId: string): Promise<Buffer> {
    this.keyRequests++;
    if (this.shredded.has(participantId)) throw new KeyShredded(participantId);
    if (!this.keys.has(participantId)) this.keys.set(participantId, newParticipantKey());
    return this.keys.get(participantId)!;
  }

  async find(participantId: string): Promise<Buffer | null> {
    return this.keys.get(participantId) ?? null;
  }

  async shred(participantId: string): Promise<void> {
    this.keys.delete(participantId);
    this.shredded.add(participantId);
  }

  async pendingRemovals(): Promise<PendingKeyRemovals> {
    return { count: 0, oldestSince: null };
  }
}

const enrolled: JourneyEvent = {
  type: 'ParticipantEnrolled',
  data: {
    participantId: PARTICIPANT,
    occurredOn: '2007-03-12',
    city: 'paris',
    programme: 'paris-gatp',
    profile: {
      birthYear: 1954,
      gender: 'FEMALE',
      educationLevel: 'ISCED_5_8',
      positionLevel: 'SENIOR_MANAGER',
      lastSector: 'K',
      unemployedSince: null,
      incomeSupport: 'UNEMPLOYMENT_INSURANCE',
    },
    personal,
    note: 'Former finance director; wants part-time work',
  },
};
const ERASURE_REASON = 'Asked by email from marie-claude.dubois@example.fr';
const erased: JourneyEvent = { type: 'PersonalDataErased', data: { participantId: PARTICIPANT, occurredOn: '2007-09-03', reason: ERASURE_REASON } };
const corrected: JourneyEvent = {
  type: 'MilestoneCorrected',
  data: {
    participantId: PARTICIPANT,
    occurredOn: '2007-09-03',
    sequence: 5,
    kind: 'EXITED',
    values: { occurredOn: '2007-08-31', reason: 'EMPLOYMENT' },
    changed: ['exitReason'],
    reason: 'Mme Dubois phoned: she took the job at Crédit Agricole',
    note: 'Starts on 1 September, part-time',
  },
};
const voided: JourneyEvent = {
  type: 'MilestoneVoided',
  data: { participantId: PARTICIPANT, occurredOn: '2007-09-03', sequence: 3, reason: 'Recorded for her husband, Jean Dubois' },
};

/** The data's free text, opened with the participant's key. */
const opened = (key: Buffer, data: Record<string, unknown>, fields: string[]) =>
  Object.fromEntries(fields.map((f) => [f, openPersonalData(key, PARTICIPANT, data[f] as string)]));

describe('Personal-data codec: every free text sealed, every code in clear', () => {
  it("seals an enrolment's personal details and note under the participant's new key, and nothing else", async () => {
    const vault = new InMemoryKeyVault();

    const sealed = await sealEventData(vault, PARTICIPANT, enrolled);

    const key = vault.keys.get(PARTICIPANT)!;
    expect(sealed).toEqual({ ...enrolled.data, personal: SEALED, note: SEALED });
    expect(opened(key, sealed, ['personal', 'note'])).toEqual({ personal, note: enrolled.data.note });
    expect(JSON.stringify(sealed)).not.toMatch(/Dubois|finance/);
    expect(enrolled.data.personal).toBe(personal); // the event is not changed
  });

  it("seals a correction's and a void's reason, and a correction's note; keeps what they amend and how in clear", async () => {
    const vault = new InMemoryKeyVault();
    const key = await vault.keyFor(PARTICIPANT);

    const correction = await sealEventData(vault, PARTICIPANT, corrected);
    const voiding = await sealEventData(vault, PARTICIPANT, voided);

    // The exit's coded reason inside the corrected values is a code the figures count.
    expect(correction).toEqual({ ...corrected.data, reason: SEALED, note: SEALED });
    expect(opened(key, correction, ['reason', 'note'])).toEqual({ reason: corrected.data.reason, note: corrected.data.note });
    expect(voiding).toEqual({ ...voided.data, reason: SEALED });
    expect(opened(key, voiding, ['reason'])).toEqual({ reason: voided.data.reason });
    expect(JSON.stringify([correction, voiding])).not.toMatch(/Dubois|Crédit|September/);
  });

  it("seals the erasure's reason under the participant's key while there is one", async () => {
    const vault = new InMemoryKeyVault();
    const key = await vault.keyFor(PARTICIPANT);

    const sealed = await sealEventData(vault, PARTICIPANT, erased);

    expect(sealed).toEqual({ ...erased.data, reason: SEALED });
    expect(opened(key, sealed, ['reason'])).toEqual({ reason: ERASURE_REASON });
  });

  it('seals a reason given once the key is shredded under a key kept nowhere: no key is created again, none opens it', async () => {
    const vault = new InMemoryKeyVault();
    const key = await vault.keyFor(PARTICIPANT);
    await vault.shred(PARTICIPANT);
    vault.keyRequests = 0;

    const erasure = await sealEventData(vault, PARTICIPANT, erased);
    const voiding = await sealEventData(vault, PARTICIPANT, voided);

    expect(erasure).toEqual({ ...erased.data, reason: SEALED });
    expect(voiding).toEqual({ ...voided.data, reason: SEALED });
    expect(JSON.stringify([erasure, voiding])).not.toMatch(/Dubois|example/);
    expect(vault.keyRequests).toBe(0);
    expect(vault.keys.size).toBe(0);
    expect(() => openPersonalData(key, PARTICIPANT, erasure.reason as string)).toThrow();
  });

  it("lets the vault refuse personal data once the key is shredded, even beside a reason", async () => {
    const vault = new InMemoryKeyVault();
    await vault.keyFor(PARTICIPANT);
    await vault.shred(PARTICIPANT);

    await expect(sealEventData(vault, PARTICIPANT, corrected)).rejects.toThrow(KeyShredded);
  });

  it("leaves an exit's coded reason in clear, and asks for no key when an event holds no free text", async () => {
    const vault = new InMemoryKeyVault();
    const exited: JourneyEvent = { type: 'ParticipantExited', data: { participantId: PARTICIPANT, occurredOn: '2008-01-15', reason: 'EMPLOYMENT', note: null } };
    const referred: JourneyEvent = { type: 'ReferredToPartner', data: { participantId: PARTICIPANT, occurredOn: '2007-05-02', partner: 'ddee', note: null } };

    expect(await sealEventData(vault, PARTICIPANT, exited)).toEqual(exited.data);
    expect(await sealEventData(vault, PARTICIPANT, referred)).toEqual(referred.data);
    expect(vault.keyRequests).toBe(0);
    expect(vault.keys.size).toBe(0);
  });

  it("seals an exit's note, leaving its coded reason in clear", async () => {
    const vault = new InMemoryKeyVault();
    const exited: JourneyEvent = {
      type: 'ParticipantExited',
      data: { participantId: PARTICIPANT, occurredOn: '2008-01-15', reason: 'EMPLOYMENT', note: 'Signed on Friday' },
    };

    expect(await sealEventData(vault, PARTICIPANT, exited)).toEqual({ ...exited.data, note: SEALED });
    expect(vault.keyRequests).toBe(1);
  });
});
