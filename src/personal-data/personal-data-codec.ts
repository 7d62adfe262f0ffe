import type { KeyVault } from './key-vault.port';
import { openPersonalData, sealPersonalData } from './personal-data-cipher';

/**
 * Fields that hold personal data, in any event that has them: the participant's details and every
 * adviser's note. They are stored sealed under the participant's key and read back as null once
 * the key is shredded.
 */
const PERSONAL_FIELDS = ['personal', 'note'] as const;

type EventData = Readonly<Record<string, unknown>>;

const holdsPersonalData = (data: EventData): boolean => PERSONAL_FIELDS.some((f) => data[f] != null);

export async function sealEventData(vault: KeyVault, participantId: string, data: EventData): Promise<Record<string, unknown>> {
  if (!holdsPersonalData(data)) return { ...data };
  const key = await vault.keyFor(participantId);
  const sealed: Record<string, unknown> = { ...data };
  for (const field of PERSONAL_FIELDS) {
    if (data[field] != null) sealed[field] = sealPersonalData(key, participantId, data[field]);
  }
  return sealed;
}

/** `key` is null once shredded: the personal fields then read as null. */
export function openEventData(key: Buffer | null, participantId: string, data: EventData): Record<string, unknown> {
  const opened: Record<string, unknown> = { ...data };
  for (const field of PERSONAL_FIELDS) {
    const value = data[field];
    if (value != null) opened[field] = key ? openPersonalData(key, participantId, value as string) : null;
  }
  return opened;
}
