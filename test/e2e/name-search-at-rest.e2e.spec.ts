import { createHmac } from 'node:crypto';
import type { AppConfig } from '../../src/config/config';
import { APP_CONFIG } from '../../src/config/config.module';
import { nameIndexKey } from '../../src/personal-data/name-blind-index';
import { nameWords } from '../../src/personal-data/name-words';
import { enrolmentInput, mutation } from '../support/journey-api';
import { encodings, spellings, storedBytes } from '../support/stored-bytes';
import { tempDir } from '../support/temp-files';
import { startTestApp } from '../support/test-app';

const NAME = 'Marie-Élise Dupont';
const SEARCH = `query ($search: String) { participants(search: $search) { totalCount edges { node { id reference } } } }`;

describe('searching sealed names: only sealed values and truncated blind-index tokens at rest (e2e, real app, bytes of the real file)', () => {
  const tmp = tempDir('journey-name-search-');
  afterAll(() => tmp.remove());

  it('finds the participant by name while no byte of the files holds the name or its words’ whole HMACs; after erasure, the name finds nothing', async () => {
    const file = tmp.file('journeys.db');
    const api = await startTestApp(file);
    try {
      const input = enrolmentInput({ personal: { fullName: NAME, email: null, phone: null }, note: null });
      const enrolled = await api.gql(mutation('enrolParticipant'), { input });
      expect(enrolled.errors).toBeUndefined();
      const found = async (text: string) => (await api.gql(SEARCH, { search: text })).data!.participants.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(await found('marie-elise DUPONT')).toEqual([input.participantId]);

      const key = nameIndexKey(api.app.get<AppConfig>(APP_CONFIG).pseudonymSecret);
      const digests = nameWords(NAME).map((word) => createHmac('sha256', key).update(word, 'utf8').digest());
      const bytes = storedBytes(file);
      // The check can see what is stored in clear: the coded values.
      expect(bytes.includes(Buffer.from('paris-gatp'))).toBe(true);
      for (const text of spellings(NAME)) for (const encoded of encodings(text)) expect(bytes.includes(encoded)).toBe(false);
      for (const digest of digests) {
        expect(bytes.includes(digest)).toBe(false);
        for (const text of [digest.toString('hex'), digest.toString('base64'), digest.toString('base64url')]) expect(bytes.includes(Buffer.from(text))).toBe(false);
      }

      const erased = await api.gql(mutation('erasePersonalData'), { input: { participantId: input.participantId, reason: 'Asked by the participant' } });
      expect(erased.errors).toBeUndefined();
      expect(await found('Dupont')).toEqual([]);
      expect(await found('Marie Élise')).toEqual([]);
      expect(await found('PAR-0001')).toEqual([input.participantId]);
    } finally {
      await api.close();
    }
  });
});
