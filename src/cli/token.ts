import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { issueToken, UnreadableExpiry } from '../auth/issue-token';
import { ALL_CITIES, ROLES, type Role, withArticle } from '../auth/principal';
import { BUILT_IN_CATALOGUE } from '../catalogue/built-in-catalogue';
import { loadCatalogueFile } from '../catalogue/catalogue-file';
import { ConfigError, loadConfig } from '../config/config';

const USAGE = `Usage: npm run -s token -- --role <${ROLES.join('|')}> [--city <code|*>] [--sub <name>] [--expires <8h>]`;

/** `npm run token -- --role adviser --city paris`: prints a bearer token for development. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, city: { type: 'string' }, sub: { type: 'string' }, expires: { type: 'string', default: '8h' } },
  });
  if (values.role === undefined) throw new ConfigError(`--role is required. ${USAGE}`);
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new ConfigError(`Unknown role '${values.role}': one of ${ROLES.join(', ')}. ${USAGE}`);
  const hasCity = role === 'adviser' || role === 'coordinator';
  if (hasCity && !values.city) throw new ConfigError(`${withArticle(role, { capital: true })} needs --city (a city code, or '*'). ${USAGE}`);
  const { auth, programmesFile } = loadConfig(process.env);
  if (auth.kind !== 'hs256') throw new ConfigError('With AUTH_JWKS_URL, tokens come from the identity provider, not from here');
  const city = hasCity ? values.city! : null;
  // The service would refuse the token of a city it does not know: say so now, not at the first request.
  const cities = (programmesFile ? loadCatalogueFile(programmesFile) : BUILT_IN_CATALOGUE).cities.map((c) => c.code);
  if (city !== null && city !== ALL_CITIES && !cities.includes(city)) {
    throw new ConfigError(`Unknown city '${city}': one of ${cities.join(', ')}, or '*' for every city`);
  }
  try {
    console.log(await issueToken(auth, { sub: values.sub ?? `${role}-${city ?? 'all'}`, role, city }, values.expires));
  } catch (error) {
    if (error instanceof UnreadableExpiry) throw new ConfigError(`--expires ${error.message}`);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : error);
  process.exit(2);
});
