import type { MilestoneView, ParticipantCaseView } from './participant-case';

/**
 * A case as it is stored: its personal details, notes and amendments' reasons still sealed under
 * the participant's key (pd1 envelopes), as they are in the events it is folded from. They are opened only when a
 * client asks for them (src/journey/graphql/case-personal-data.resolver.ts).
 */
export type SealedCase = Omit<ParticipantCaseView, 'personal' | 'timeline'> & {
  personal: string | null;
  timeline: SealedMilestone[];
};

export type SealedMilestone = Omit<MilestoneView, 'note'> & { note: string | null };

/** The case folded from stored events, which hold personal data sealed: the view holds it so too. */
export const asSealed = (view: ParticipantCaseView): SealedCase => view as unknown as SealedCase;
