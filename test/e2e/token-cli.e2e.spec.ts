import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUILT_IN_CATALOGUE } from '../../src/catalogue/built-in-catalogue';
import { TokenVerifier } from '../../src/auth/token-verifier';
import { tempDir } from '../support/temp-files';
import { TEST_JWT_SECRET } from '../support/tokens';

const CLI = join(__dirname, '../../dist/cli/token.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, AUTH_JWT_SECRET: TEST_JWT_SECRET, ...env } });

describe('npm run token (e2e, the built command)', () => {
  const verifier = new TokenVerifier({ kind: 'hs256', secret: TEST_JWT_SECRET, issuer: null, audience: null, keysMaxAgeSeconds: 30 }, BUILT_IN_CATALOGUE);

  it('prints a token the service accepts, with the role and city asked for', async () => {
    const { stdout } = await run(['--role', 'adviser', '--city', 'paris', '--sub', 'marie.dupont']);
    const principal = await verifier.verify(`Bearer ${stdout.trim()}`);
    expect(principal).toEqual({ sub: 'marie.dupont', role: 'adviser', city: 'paris', expiresAt: expect.any(Number) });
    // Eight hours by default, to the second.
    expect(Math.abs(principal.expiresAt - Date.now() - 8 * 3_600_000)).toBeLessThan(60_000);
  });

  it('signs the issuer and audience the service asks for, when they are set', async () => {
    const claims = { AUTH_ISSUER: 'https://journeys.example.org', AUTH_AUDIENCE: 'journeys' };
    const { stdout } = await run(['--role', 'admin'], claims);
    const strict = new TokenVerifier({ kind: 'hs256', secret: TEST_JWT_SECRET, issuer: claims.AUTH_ISSUER, audience: claims.AUTH_AUDIENCE, keysMaxAgeSeconds: 30 }, BUILT_IN_CATALOGUE);
    expect(await strict.verify(`Bearer ${stdout.trim()}`)).toMatchObject({ role: 'admin' });
  });

  it('gives researchers and admins no city', async () => {
    const { stdout } = await run(['--role', 'researcher']);
    expect(await verifier.verify(`Bearer ${stdout.trim()}`)).toMatchObject({ role: 'researcher', city: null });
  });

  it.each([
    [['--city', 'paris'], '--role is required. Usage: '],
    [['--role', 'root'], "Unknown role 'root': one of adviser, coordinator, researcher, admin. Usage: "],
    [['--role', 'coordinator'], "A coordinator needs --city (a city code, or '*'). Usage: "],
    [['--role', 'adviser', '--city', 'lyon'], "Unknown city 'lyon': one of paris, frankfurt, stockholm, or '*' for every city"],
    [['--role', 'adviser', '--city', 'paris', '--expires', 'soon'], "--expires 'soon' is not a duration: give a number and a unit, e.g. 30m or 8h"],
    [['--role', 'adviser', '--city', 'paris', '--expires', '2d'], "--expires '2d' is longer than a token may live: give at most 24h"],
    [['--role', 'adviser', '--city', 'paris', '--colour', 'red'], "Unknown option '--colour'"],
  ])('refuses %j with one line on standard error and exit code 2', async (args, message) => {
    const refused = await run(args).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    const lines = refused!.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(message)).toBe(true);
  });

  it("takes the cities of PROGRAMMES_FILE's catalogue", async () => {
    const tmp = tempDir();
    try {
      const file = tmp.file('programmes.json');
      const lyon = { code: 'lyon', name: 'Lyon', country: 'FR', positiveExitTarget: 0.5, programmes: [{ code: 'lyon-test', name: 'Test' }], partners: [] };
      writeFileSync(file, JSON.stringify({ cities: [lyon] }));
      const { stdout } = await run(['--role', 'coordinator', '--city', 'lyon'], { PROGRAMMES_FILE: file });
      expect(stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      await expect(run(['--role', 'coordinator', '--city', 'paris'], { PROGRAMMES_FILE: file })).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining("Unknown city 'paris': one of lyon, or '*'"),
      });
    } finally {
      tmp.remove();
    }
  });
});
