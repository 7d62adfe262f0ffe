import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { KeyVault } from '../../personal-data/key-vault.port';
import { openPersonalData } from '../../personal-data/personal-data-cipher';
import { KEY_VAULT } from '../../storage/storage.tokens';
import { type AmendmentView, type CaseNoteView, flatValues } from '../case/participant-case';
import type { SealedCase, SealedMilestone } from '../case/sealed-case';
import type { PersonalDetails } from '../domain/events';
import { CaseNoteType } from './types/case-note.type';
import { MilestoneAmendmentType } from './types/milestone-amendment.type';
import { MilestoneType } from './types/milestone.type';
import { ParticipantCaseType } from './types/participant-case.type';

/** What opening sealed text takes: whose it is, and the key, null once the personal data is erased (the text then reads as null). */
interface Opening {
  participantId: string;
  key: Buffer | null;
}

/**
 * Personal data and free text are opened field by field, when a client asks for them and only
 * then: a mutation answering `{ id version }` or a list of statuses decrypts nothing, however long
 * the timelines.
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
    return this.withKey(found, found.timeline, (m) => m.note !== null || m.amendments.some((a) => a.reason !== null));
  }

  @ResolveField('notes')
  async notes(@Parent() found: SealedCase): Promise<(CaseNoteView & Opening)[]> {
    return this.withKey(found, found.notes, (n) => n.note !== null);
  }

  // One key lookup for the whole list, and none when no item holds sealed text.
  private async withKey<T>(found: SealedCase, items: readonly T[], sealed: (item: T) => boolean): Promise<(T & Opening)[]> {
    const key = items.some(sealed) ? await this.vault.find(found.id) : null;
    return items.map((item) => ({ ...item, participantId: found.id, key }));
  }
}

const openText = (sealed: string | null, { key, participantId }: Opening): string | null =>
  sealed !== null && key !== null ? (openPersonalData(key, participantId, sealed) as string) : null;

@Resolver(() => MilestoneType)
export class MilestoneFieldsResolver {
  @ResolveField('note')
  note(@Parent() milestone: SealedMilestone & Opening): string | null {
    return openText(milestone.note, milestone);
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

  /** Each amendment with what opening its reason takes. */
  @ResolveField('amendments')
  amendments(@Parent() { amendments, participantId, key }: SealedMilestone & Opening): (AmendmentView & Opening)[] {
    return amendments.map((amendment) => ({ ...amendment, participantId, key }));
  }
}

@Resolver(() => MilestoneAmendmentType)
export class AmendmentReasonResolver {
  @ResolveField('reason')
  reason(@Parent() amendment: AmendmentView & Opening): string | null {
    return openText(amendment.reason, amendment);
  }
}

@Resolver(() => CaseNoteType)
export class CaseNoteTextResolver {
  @ResolveField('note')
  note(@Parent() note: CaseNoteView & Opening): string | null {
    return openText(note.note, note);
  }
}
