import type { JourneyEvent } from '../journey/domain/events';
import type { KeyVault } from './key-vault.port';
import { newParticipantKey, sealPersonalData } from './personal-data-cipher';
import { SEALED_FIELDS } from './sealed-fields';

/** Fields that are the participant's personal data in any event that has them. */
const PERSONAL_DATA: ReadonlySet<string> = new Set(['personal', 'note']);

/**
 * The event's data as it is stored: its free text (SEALED_FIELDS) sealed under the participant's
 * key, to be opened only when a client asks for it (src/journey/graphql/case-personal-data.resolver.ts).
 *
 * Personal data takes the participant's own key: created on first use, refused once shredded
 * (KeyShredded), behind the rules' own ERASED. A reason alone takes the key if there is one; once
 * it is shredded (the erasure's own reason, when the key goes first; a later correction's or
 * void's), a key kept nowhere: the text is never stored in clear, and never read, like what was
 * sealed before the erasure.
 */
export async function sealEventData(vault: KeyVault, participantId: string, { type, data }: JourneyEvent): Promise<Record<string, unknown>> {
  const fields = data as Readonly<Record<string, unknown>>;
  const sealed: Record<string, unknown> = { ...fields };
  const present = (SEALED_FIELDS[type] as readonly string[]).filter((field) => fields[field] != null);
  if (present.length === 0) return sealed;
  const key = present.some((field) => PERSONAL_DATA.has(field))
    ? await vault.keyFor(participantId)
    : ((await vault.find(participantId)) ?? newParticipantKey());
  for (const field of present) sealed[field] = sealPersonalData(key, participantId, fields[field]);
  return sealed;
}
