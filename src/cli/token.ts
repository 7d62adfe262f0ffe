import { parseArgs } from 'node:util';
import { issueToken } from '../auth/issue-token';
import { ROLES, type Role } from '../auth/principal';
import { ConfigError, loadConfig } from '../config/config';

const USAGE = `Usage: npm run -s token -- --role <${ROLES.join('|')}> [--city <code|*>] [--sub <name>] [--expires <8h>]`;

/** `npm run token -- --role adviser --city paris`: prints a bearer token for development. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, city: { type: 'string' }, sub: { type: 'string' }, expires: { type: 'string', default: '8h' } },
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new ConfigError(`--role is required. ${USAGE}`);
  const hasCity = role === 'adviser' || role === 'coordinator';
  if (hasCity && !values.city) throw new ConfigError(`An ${role} needs --city (a city code, or '*'). ${USAGE}`);
  const { auth } = loadConfig(process.env);
  if (auth.kind !== 'hs256') throw new ConfigError('With AUTH_JWKS_URL, tokens come from the identity provider, not from here');
  const city = hasCity ? values.city! : null;
  console.log(await issueToken(auth.secret, { sub: values.sub ?? `${role}-${city ?? 'all'}`, role, city }, values.expires));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : error);
  process.exit(2);
});
