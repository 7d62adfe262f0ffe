import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { postGraphQL } from '../support/graphql-client';
import { enrolmentInput, type JourneyMutation, mutation, PARTICIPANT_QUERY, PERSON } from '../support/journey-api';
import { type ServiceProcess, startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';
import { bearer, defaultBearer } from '../support/tokens';

const ENROL = 'mutation EnrolNewcomer($input: EnrolParticipantInput!) { enrolParticipant(input: $input) { id } }';
/** pino's level numbers. */
const ERROR = 50;

interface LogLine {
  level: number;
  reqId?: number;
  operation?: string;
  errorCodes?: string[];
  msg?: string;
  err?: { type: string; message: string; stack: string };
  [key: string]: unknown;
}

/** The JSON lines a stopped service wrote to its standard output. */
async function stoppedLog(service: ServiceProcess): Promise<LogLine[]> {
  service.child.kill('SIGTERM');
  expect(await service.exited).toBe(0);
  return service
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

describe('request logs (e2e, the built service as a child process, its standard output)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('writes one JSON line per request with operation, duration and error code, and no personal data or token', async () => {
    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${tmp.file('journeys.db')}` });
    const authorization = await defaultBearer();
    const note = 'Prefers to be called after 6 pm, at her sister’s';
    const res = await postGraphQL(service.url, ENROL, { input: enrolmentInput({ city: 'lyon', note }) }, { authorization });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');

    await stoppedLog(service);
    const output = service.output();
    const lines = output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const logged = lines.filter((l) => l.operation === 'EnrolNewcomer');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ type: 'mutation', errorCodes: ['BAD_USER_INPUT'], req: { method: 'POST', path: '/graphql' }, res: { statusCode: expect.any(Number) } });
    expect(logged[0].responseTime).toEqual(expect.any(Number));
    for (const secret of [PERSON.fullName, PERSON.email, PERSON.phone, note, authorization.slice('Bearer '.length)]) {
      expect(output).not.toContain(secret);
    }
  });

  it("logs a client's mistakes on their request's line alone, below error level; a fault at error level, with its stack", async () => {
    const file = tmp.file('mistakes.db');
    // A write is refused at once while another process holds the write lock, rather than after 30 s.
    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${file}`, STORE_LOCK_WAIT: '0' });
    const everywhere = { authorization: await defaultBearer() };
    const paris = { authorization: await bearer('adviser', 'paris') };
    /** Sends the mutation as an operation of that name; answers the first error's code. */
    const send = async (operation: string, name: JourneyMutation, input: Record<string, unknown>, headers: Record<string, string>) =>
      (await postGraphQL(service.url, mutation(name).replace('mutation', `mutation ${operation}`), { input }, headers)).errors?.[0]?.extensions?.code;
    const participantId = randomUUID();
    expect(await send('SetUp', 'enrolParticipant', enrolmentInput({ participantId }), everywhere)).toBeUndefined();
    const session = { participantId, occurredOn: '2007-04-02', mode: 'GROUP', durationMinutes: 30 };

    const mistakes = {
      MistakeConflict: await send('MistakeConflict', 'recordCoachingSession', { ...session, expectedVersion: 7 }, everywhere),
      MistakeForbiddenCity: await send('MistakeForbiddenCity', 'enrolParticipant', enrolmentInput({ city: 'frankfurt', programme: 'frankfurt-test-group' }), paris),
      MistakeForbiddenRole: await send('MistakeForbiddenRole', 'recordCoachingSession', session, { authorization: await bearer('researcher') }),
      MistakeRule: await send('MistakeRule', 'recordCoachingSession', { ...session, occurredOn: '2007-01-02' }, everywhere),
      MistakeNotFound: await send('MistakeNotFound', 'recordCoachingSession', { ...session, participantId: randomUUID() }, everywhere),
      MistakeInput: await send('MistakeInput', 'recordCoachingSession', { ...session, durationMinutes: 0 }, everywhere),
      MistakeUnauthenticated: await send('MistakeUnauthenticated', 'recordCoachingSession', session, {}),
      MistakeSearch: (await postGraphQL(service.url, 'query MistakeSearch { participants(search: "-- ?!") { totalCount } }', {}, everywhere)).errors?.[0]
        ?.extensions?.code,
      MistakeQuietDays: (await postGraphQL(service.url, 'query MistakeQuietDays { participants(noMilestoneForDays: 0) { totalCount } }', {}, everywhere))
        .errors?.[0]?.extensions?.code,
    };
    expect(mistakes).toEqual({
      MistakeConflict: 'CONFLICT',
      MistakeForbiddenCity: 'FORBIDDEN',
      MistakeForbiddenRole: 'FORBIDDEN',
      MistakeRule: 'RULE_VIOLATION',
      MistakeNotFound: 'NOT_FOUND',
      MistakeInput: 'BAD_USER_INPUT',
      MistakeUnauthenticated: 'UNAUTHENTICATED',
      MistakeSearch: 'BAD_USER_INPUT',
      MistakeQuietDays: 'BAD_USER_INPUT',
    });

    // Not a fault: another process holds the store's write lock longer than the service waits for it (retry later).
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(await send('Busy', 'recordCoachingSession', session, everywhere)).toBe('STORE_UNAVAILABLE');
    } finally {
      other.exec('ROLLBACK');
    }
    // A fault: a read model's table taken from under the service.
    other.exec('DROP TABLE case_timelines');
    other.close();
    const fault = await postGraphQL(service.url, PARTICIPANT_QUERY.replace('query', 'query Fault'), { id: participantId }, everywhere);
    expect(fault.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const lines = await stoppedLog(service);

    for (const operation of Object.keys(mistakes)) {
      const requestLine = lines.find((l) => l.operation === operation);
      expect(requestLine).toMatchObject({ level: expect.any(Number), errorCodes: [mistakes[operation as keyof typeof mistakes]] });
      expect(requestLine!.level).toBeLessThan(ERROR);
      // Nothing else is logged about the request: no exception, no stack.
      expect(lines.filter((l) => l.reqId === requestLine!.reqId)).toEqual([requestLine]);
    }
    const busyLine = lines.find((l) => l.operation === 'Busy')!;
    expect(busyLine.errorCodes).toEqual(['STORE_UNAVAILABLE']);
    const faultLine = lines.find((l) => l.operation === 'Fault')!;
    expect(faultLine.errorCodes).toEqual(['INTERNAL_SERVER_ERROR']);
    // One error line, the fault's, with its stack; the busy store is a warning without one.
    const errors = lines.filter((l) => l.level >= ERROR);
    expect(errors).toEqual([expect.objectContaining({ reqId: faultLine.reqId, err: expect.objectContaining({ message: expect.stringMatching(/no such table/i), stack: expect.stringMatching(/\n\s+at /) }) })]);
  });

  it("logs a read of another city's participant exactly as a read of an unknown id", async () => {
    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${tmp.file('elsewhere.db')}` });
    const input = enrolmentInput({ city: 'frankfurt', programme: 'frankfurt-test-group' });
    expect((await postGraphQL(service.url, mutation('enrolParticipant'), { input }, { authorization: await defaultBearer() })).errors).toBeUndefined();
    const paris = { authorization: await bearer('adviser', 'paris') };
    await postGraphQL(service.url, PARTICIPANT_QUERY.replace('query', 'query Elsewhere'), { id: input.participantId }, paris);
    await postGraphQL(service.url, PARTICIPANT_QUERY.replace('query', 'query Unknown'), { id: randomUUID() }, paris);
    const lines = await stoppedLog(service);

    const [elsewhere, unknown] = ['Elsewhere', 'Unknown'].map((operation) => {
      const requestLine = lines.find((l) => l.operation === operation)!;
      const { time: _time, reqId, responseTime: _responseTime, operation: _operation, ...rest } = requestLine;
      return { about: lines.filter((l) => l.reqId === reqId).length, ...rest };
    });
    expect(elsewhere).toEqual(unknown);
    expect(elsewhere).toMatchObject({ about: 1, errorCodes: [] });
  });
});
