import { postGraphQL } from '../support/graphql-client';
import { enrolmentInput, PERSON } from '../support/journey-api';
import { startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';
import { defaultBearer } from '../support/tokens';

const ENROL = 'mutation EnrolNewcomer($input: EnrolParticipantInput!) { enrolParticipant(input: $input) { id } }';

describe('request logs (e2e, the built service as a child process, its standard output)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('writes one JSON line per request with operation, duration and error code, and no personal data or token', async () => {
    const service = await startServiceProcess({ EVENT_STORE_URL: `sqlite:${tmp.file('journeys.db')}` });
    const authorization = await defaultBearer();
    const note = 'Prefers to be called after 6 pm, at her sister’s';
    const res = await postGraphQL(service.url, ENROL, { input: enrolmentInput({ city: 'lyon', note }) }, { authorization });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);

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
});
