import { isUUID } from 'class-validator';
import { importedParticipantIds, rowCommandId } from '../../../src/import/participant-ids';

describe("an imported participant's id and a row's commandId", () => {
  const idOf = importedParticipantIds('a-pseudonym-secret-of-thirty-two-characters');

  it('given a city and a reference, is the same UUID every time, another for another city, reference or secret', () => {
    const id = idOf('paris', 'GATP-2007-014');

    expect(isUUID(id)).toBe(true);
    expect(idOf('paris', 'GATP-2007-014')).toBe(id);
    expect(new Set([id, idOf('frankfurt', 'GATP-2007-014'), idOf('paris', 'GATP-2007-015'), importedParticipantIds('another-secret-of-thirty-two-characters!')('paris', 'GATP-2007-014')]).size).toBe(4);
  });

  it("given the same command, is the same commandId whatever the order of its fields; another for the next identical row", () => {
    const session = (data: Record<string, unknown>) => ({ type: 'RecordCoachingSession', data }) as never;
    const a = rowCommandId(session({ participantId: 'p', occurredOn: '2007-03-20', mode: 'GROUP', durationMinutes: 90, note: null }), 0);

    expect(rowCommandId(session({ note: null, durationMinutes: 90, mode: 'GROUP', occurredOn: '2007-03-20', participantId: 'p' }), 0)).toBe(a);
    expect(rowCommandId(session({ participantId: 'p', occurredOn: '2007-03-20', mode: 'GROUP', durationMinutes: 90, note: null }), 1)).not.toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});
