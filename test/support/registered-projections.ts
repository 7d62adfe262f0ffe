import Database from 'better-sqlite3';
import { BUILT_IN_CATALOGUE } from '../../src/catalogue/built-in-catalogue';
import { DEVELOPMENT_SECRET } from '../../src/config/config';
import type { KeyVault } from '../../src/personal-data/key-vault.port';
import { SqliteKeyVault } from '../../src/personal-data/sqlite-key-vault';
import { buildProjections } from '../../src/read-side/projections.registry';

/** The pseudonym secret the tests' projections index names under: the test app's, which sets none. */
export const TEST_PSEUDONYM_SECRET = DEVELOPMENT_SECRET;

/**
 * Every registered projection, as the service builds them, reading participants' keys from
 * `keys`; by default an empty vault, for tests that need the projections' names and tables only.
 */
export const registeredProjections = (keys: KeyVault = new SqliteKeyVault(new Database(':memory:'))) =>
  buildProjections(BUILT_IN_CATALOGUE, { keys, pseudonymSecret: TEST_PSEUDONYM_SECRET });
