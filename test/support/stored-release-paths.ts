import type { LifePath } from '../../src/life-paths/anonymise-release';
import type { LifePathFilter } from '../../src/life-paths/release-filter';
import type { StoredRelease } from '../../src/read-side/life-paths/stored-release';

/** Every path of a stored release matching `filter`, read page by page as a download reads them. */
export async function allPaths(release: StoredRelease, filter: LifePathFilter = {}): Promise<LifePath[]> {
  const paths: LifePath[] = [];
  for await (const page of release.pathPages(filter)) paths.push(...page);
  return paths;
}
