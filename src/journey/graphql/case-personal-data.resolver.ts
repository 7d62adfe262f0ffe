import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { KeyVault } from '../../personal-data/key-vault.port';
import { openPersonalData } from '../../personal-data/personal-data-cipher';
import { KEY_VAULT } from '../../storage/storage.tokens';
import { type CaseNoteView, flatValues } from '../case/participant-case';
import type { SealedCase, SealedMilestone } from '../case/sealed-case';
import type { PersonalDetails } from '../domain/events';
import { CaseNoteType } from './types/case-note.type';
import { MilestoneType } from './types/milestone.type';
import { ParticipantCaseType } from './types/participant-case.type';

/** What opening a note takes: whose it is, and the key, null once the personal data is erased (the note then reads as null). */
interface Opening {
  participantId: string;
  key: Buffer | null;
}
type WithNote = { note: string | null } & Opening;

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
  async timeline(@Parent() found: SealedCase): Promise<(SealedMilestone & Opening)[]> {
    return this.withKey(found, found.timeline);
  }

  @ResolveField('notes')
  async notes(@Parent() found: SealedCase): Promise<(CaseNoteView & Opening)[]> {
    return this.withKey(found, found.notes);
  }

  // One key lookup for the whole list, and none when no item has a note.
  private async withKey<T extends { note: string | null }>(found: SealedCase, items: readonly T[]): Promise<(T & Opening)[]> {
    const key = items.some((item) => item.note !== null) ? await this.vault.find(found.id) : null;
    return items.map((item) => ({ ...item, participantId: found.id, key }));
  }
}

const openNote = ({ note, key, participantId }: WithNote): string | null =>
  note !== null && key !== null ? (openPersonalData(key, participantId, note) as string) : null;

@Resolver(() => MilestoneType)
export class MilestoneFieldsResolver {
  @ResolveField('note')
  note(@Parent() milestone: SealedMilestone & Opening): string | null {
    return openNote(milestone);
  }

  @ResolveField('values')
  values(@Parent() { kind, values }: SealedMilestone) {
    return flatValues(kind, values);
  }

  @ResolveField('original')
  original(@Parent() { kind, original }: SealedMilestone) {
    return original && flatValues(kind, original);
  }

  @ResolveField('corrected')
  corrected(@Parent() { amendments }: SealedMilestone): boolean {
    return amendments.some((a) => a.kind === 'CORRECTED');
  }
}

@Resolver(() => CaseNoteType)
export class CaseNoteTextResolver {
  @ResolveField('note')
  note(@Parent() note: WithNote): string | null {
    return openNote(note);
  }
}
