import type { AppConfig } from '../../src/config/config';
import { APP_CONFIG } from '../../src/config/config.module';
import { commandIdDigester } from '../../src/personal-data/command-id-digest';
import type { GraphQLResponse } from '../support/graphql-client';
import { enrolmentInput, mutation } from '../support/journey-api';
import { storedBytes } from '../support/stored-bytes';
import { tempDir } from '../support/temp-files';
import { startTestApp } from '../support/test-app';

const CASE = `id version personalDataErased
  timeline { sequence kind note voided amendments { sequence kind changedFields reason recordedBy } }`;
const CASE_QUERY = `query ($id: ID!) { participant(id: $id) { ${CASE} } }`;
const AMENDING = { correctMilestone: 'CorrectMilestoneInput', voidMilestone: 'VoidMilestoneInput' } as const;
const amending = (name: keyof typeof AMENDING) => `mutation ($input: ${AMENDING[name]}!) { ${name}(input: $input) { ${CASE} } }`;

/** Valid opaque tokens, and still a name in each: what a client might well send. */
const COMMAND_IDS = {
  enrol: 'enrol-ZEBULON-QUAGGA',
  coaching: 'coaching-ZEBULON-QUAGGA-1',
  referral: 'referral-ZEBULON-QUAGGA-1',
  correction: 'correct-ZEBULON-QUAGGA-1',
  void: 'void-ZEBULON-QUAGGA-1',
  erasure: 'erase-ZEBULON-QUAGGA',
  voidAfterErasure: 'void-ZEBULON-QUAGGA-2',
};
const REASONS = {
  correction: 'Mr Quagga phoned: the session ran to ninety minutes',
  void: 'Referral meant for his neighbour Yolanda Okapi',
  erasure: 'Mr Quagga asked by email zebulon.quagga@example.org',
  voidAfterErasure: 'His wife Xenia Quagga says he never came',
};
const PERSON = { fullName: 'Zebulon Quagga', email: 'zebulon.quagga@example.org', phone: null };

interface Amendment {
  sequence: number;
  kind: string;
  changedFields: string[];
  reason: string | null;
}

describe('free text at rest: reasons sealed like notes, commandIds kept as keyed hashes (e2e, real app, bytes of the real file)', () => {
  const tmp = tempDir('journey-free-text-');
  afterAll(() => tmp.remove());

  it("reads the reasons back before erasure; after it, no reason, commandId or name is in the file's bytes, and a retry is still recognised", async () => {
    const file = tmp.file('journeys.db');
    const api = await startTestApp(file);
    try {
      const record = async (document: string, input: Record<string, unknown>) => {
        const answer: GraphQLResponse = await api.gql(document, { input });
        expect(answer.errors).toBeUndefined();
        return Object.values(answer.data!)[0];
      };
      const enrolment = enrolmentInput({ commandId: COMMAND_IDS.enrol, personal: PERSON, note: null });
      const participantId = enrolment.participantId as string;
      const amendmentsOf = (found: { timeline: { amendments: Amendment[] }[] }) => found.timeline.map((m) => m.amendments);

      await record(mutation('enrolParticipant'), enrolment);
      const coaching = { participantId, occurredOn: '2007-04-02', mode: 'INDIVIDUAL', durationMinutes: 60, commandId: COMMAND_IDS.coaching };
      await record(mutation('recordCoachingSession'), coaching);
      await record(mutation('referToPartner'), { participantId, occurredOn: '2007-04-10', partner: 'ddee', commandId: COMMAND_IDS.referral });
      const correction = { participantId, sequence: 2, durationMinutes: 90, reason: REASONS.correction, commandId: COMMAND_IDS.correction };
      await record(amending('correctMilestone'), correction);
      await record(amending('voidMilestone'), { participantId, sequence: 3, reason: REASONS.void, commandId: COMMAND_IDS.void });

      // Retries with the same commandIds: recognised, nothing recorded again.
      expect(await record(mutation('enrolParticipant'), enrolment)).toMatchObject({ version: 5 });
      expect(await record(mutation('recordCoachingSession'), coaching)).toMatchObject({ version: 5 });
      expect(await record(amending('correctMilestone'), correction)).toMatchObject({ version: 5 });

      const before = (await api.gql(CASE_QUERY, { id: participantId })).data!.participant;
      expect(amendmentsOf(before)).toEqual([
        [],
        [expect.objectContaining({ sequence: 4, kind: 'CORRECTED', changedFields: ['durationMinutes'], reason: REASONS.correction })],
        [expect.objectContaining({ sequence: 5, kind: 'VOIDED', changedFields: [], reason: REASONS.void })],
      ]);
      // Sealed and hashed from the start: the clear text was never written; the commandId's keyed hash was.
      const digest = commandIdDigester(api.app.get<AppConfig>(APP_CONFIG).pseudonymSecret);
      const written = storedBytes(file);
      for (const text of [...Object.values(REASONS), ...Object.values(COMMAND_IDS)]) expect(written.includes(text)).toBe(false);
      expect(written.includes(digest(COMMAND_IDS.enrol))).toBe(true);

      const erased = await record(mutation('erasePersonalData'), { participantId, reason: REASONS.erasure, commandId: COMMAND_IDS.erasure });
      expect(erased).toMatchObject({ version: 6, personalDataErased: true });
      const voidedAfter = await record(amending('voidMilestone'), { participantId, sequence: 2, reason: REASONS.voidAfterErasure, commandId: COMMAND_IDS.voidAfterErasure });

      // The amendments stay, for the journey; their reasons are gone with the personal data.
      const after = (await api.gql(CASE_QUERY, { id: participantId })).data!.participant;
      expect(after).toEqual(voidedAfter);
      expect(amendmentsOf(after)).toEqual([
        [],
        [
          expect.objectContaining({ sequence: 4, kind: 'CORRECTED', changedFields: ['durationMinutes'], reason: null }),
          expect.objectContaining({ sequence: 7, kind: 'VOIDED', reason: null }),
        ],
        [expect.objectContaining({ sequence: 5, kind: 'VOIDED', reason: null })],
        [],
      ]);
      expect(await record(mutation('enrolParticipant'), enrolment)).toMatchObject({ version: 7 });
    } finally {
      await api.close();
    }

    const bytes = storedBytes(file);
    const names = ['ZEBULON', 'Zebulon', 'zebulon', 'QUAGGA', 'Quagga', 'quagga', 'Okapi', 'Xenia'];
    for (const text of [...Object.values(REASONS), ...Object.values(COMMAND_IDS), ...names]) expect(bytes.includes(text)).toBe(false);
  });
});
