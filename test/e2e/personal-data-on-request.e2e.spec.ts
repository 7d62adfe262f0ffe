import Database from 'better-sqlite3';
import { enrolmentInput, mutation } from '../support/journey-api';
import { appForTests } from '../support/test-app';

const SESSION = { occurredOn: '2007-04-01', mode: 'INDIVIDUAL', durationMinutes: 60 };
const RECORD_SESSION = 'mutation ($input: RecordCoachingSessionInput!) { recordCoachingSession(input: $input) { id version } }';
const STATUS = 'query ($id: ID!) { participant(id: $id) { id version status } }';
const NOTES = 'query ($id: ID!) { participant(id: $id) { timeline { note } } }';

/** Alters the first byte of every sealed value in `column` of `table` that `where` selects: AES-GCM then refuses to open it. */
function tamper(file: string, table: string, column: string, where: string, parameter: string): void {
  const db = new Database(file);
  try {
    const rows = db.prepare(`SELECT rowid AS id, ${column} AS text FROM ${table} WHERE ${where}`).all(parameter) as { id: number; text: string }[];
    const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
    for (const { id, text } of rows) update.run(text.replace(/"pd1:(.)/g, (_, c: string) => `"pd1:${c === 'A' ? 'B' : 'A'}`), id);
  } finally {
    db.close();
  }
}

describe('personal data decrypted only when a field asks for it (e2e, real app, a sealed value altered in the real file)', () => {
  const api = appForTests();

  it('answers what asks for no personal data, from the read model and from the stream, even when a sealed note cannot be opened', async () => {
    const enrolment = enrolmentInput();
    const participantId = enrolment.participantId as string;
    await api.gql(mutation('enrolParticipant'), { input: enrolment });
    await api.gql(RECORD_SESSION, { input: { participantId, ...SESSION, note: 'Wants to work part time.' } });
    // Events are append-only by a trigger; this test alters one on purpose, as a damaged disk would.
    const db = new Database(api.file);
    db.exec('DROP TRIGGER events_refuse_update');
    db.close();
    tamper(api.file, 'case_timelines', 'milestones', 'case_id = (SELECT case_id FROM case_files WHERE participant_id = ?)', participantId);
    tamper(api.file, 'events', 'data', 'stream_id = ?', `participant-${participantId}`);

    const status = await api.gql(STATUS, { id: participantId });
    expect(status.errors).toBeUndefined();
    expect(status.data!.participant).toEqual({ id: participantId, version: 2, status: 'ACTIVE' });
    const recorded = await api.gql(RECORD_SESSION, { input: { participantId, ...SESSION } });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordCoachingSession).toEqual({ id: participantId, version: 3 });

    // The alteration is real: asking for the notes opens them, and the altered one fails.
    const notes = await api.gql(NOTES, { id: participantId });
    expect(notes.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
