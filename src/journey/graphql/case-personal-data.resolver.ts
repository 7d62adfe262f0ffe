import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { KeyVault } from '../../personal-data/key-vault.port';
import { openPersonalData } from '../../personal-data/personal-data-cipher';
import { KEY_VAULT } from '../../storage/storage.tokens';
import type { PersonalDetails } from '../domain/events';
import type { SealedCase, SealedMilestone } from '../case/sealed-case';
import { MilestoneType } from './types/milestone.type';
import { ParticipantCaseType } from './types/participant-case.type';

/** A milestone on its way to the client, with what opening its note takes. */
interface MilestoneToOpen extends SealedMilestone {
  participantId: string;
  /** Null once the participant's personal data is erased: the note then reads as null. */
  key: Buffer | null;
}

/**
 * Personal data is opened field by field, when a client asks for it and only then: a mutation
 * answering `{ id version }` or a list of statuses decrypts nothing, however long the timelines.
 */
@Resolver(() => ParticipantCaseType)
export class CasePersonalDataResolver {
  constructor(@Inject(KEY_VAULT) private readonly vault: KeyVault) {}

  @ResolveField('personal')
  async personal(@Parent() found: SealedCase): Promise<PersonalDetails | null> {
    if (found.personal === null) return null;
    const key = await this.vault.find(found.id);
    return key && (openPersonalData(key, found.id, found.personal) as PersonalDetails);
  }

  @ResolveField('timeline')
  async timeline(@Parent() found: SealedCase): Promise<MilestoneToOpen[]> {
    // One key lookup for the whole timeline, and none when no milestone has a note.
    const key = found.timeline.some((m) => m.note !== null) ? await this.vault.find(found.id) : null;
    return found.timeline.map((m) => ({ ...m, participantId: found.id, key }));
  }
}

@Resolver(() => MilestoneType)
export class MilestoneNoteResolver {
  @ResolveField('note')
  note(@Parent() milestone: MilestoneToOpen): string | null {
    const { note, key, participantId } = milestone;
    return note !== null && key !== null ? (openPersonalData(key, participantId, note) as string) : null;
  }
}
