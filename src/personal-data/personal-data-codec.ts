import type { KeyVault } from './key-vault.port';
import { sealPersonalData } from './personal-data-cipher';

/**
 * Fields that hold personal data, in any event that has them: the participant's details and every
 * adviser's note. They are stored sealed under the participant's key, and opened only when a
 * client asks for them (src/journey/graphql/case-personal-data.resolver.ts).
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
