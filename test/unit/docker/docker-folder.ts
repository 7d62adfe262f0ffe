import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root. */
export const REPOSITORY = join(__dirname, '..', '..', '..');

/** The folder of the deployment files (docs/deployment.md). */
export const DOCKER = join(REPOSITORY, 'docker');

/** docker/compose*.yaml, by name. */
export function composeFiles(): string[] {
  return readdirSync(DOCKER).filter((name) => /^compose.*\.yaml$/.test(name)).sort();
}

/** A file of docker/ as text. */
export function dockerFile(name: string): string {
  return readFileSync(join(DOCKER, name), 'utf8');
}
