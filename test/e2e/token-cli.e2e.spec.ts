import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUILT_IN_CATALOGUE } from '../../src/catalogue/built-in-catalogue';
import { TokenVerifier } from '../../src/auth/token-verifier';
import { TEST_JWT_SECRET } from '../support/tokens';

const CLI = join(__dirname, '../../dist/cli/token.js');
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, AUTH_JWT_SECRET: TEST_JWT_SECRET } });

describe('npm run token (e2e, the built command)', () => {
  const verifier = new TokenVerifier({ kind: 'hs256', secret: TEST_JWT_SECRET }, BUILT_IN_CATALOGUE);

  it('prints a token the service accepts, with the role and city asked for', async () => {
    const { stdout } = await run(['--role', 'adviser', '--city', 'paris', '--sub', 'marie.dupont']);
    expect(await verifier.verify(`Bearer ${stdout.trim()}`)).toEqual({ sub: 'marie.dupont', role: 'adviser', city: 'paris' });
  });

  it('gives researchers and admins no city', async () => {
    const { stdout } = await run(['--role', 'researcher']);
    expect(await verifier.verify(`Bearer ${stdout.trim()}`)).toMatchObject({ role: 'researcher', city: null });
  });

  it.each([
    [['--city', 'paris'], '--role is required'],
    [['--role', 'coordinator'], 'needs --city'],
    [['--role', 'adviser', '--city', 'paris', '--colour', 'red'], "Unknown option '--colour'"],
  ])('refuses %j with a message and exit code 2', async (args, message) => {
    await expect(run(args)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining(message) });
  });
});
