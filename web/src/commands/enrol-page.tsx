import type { PageProps } from '../app/pages';

/** PLACEHOLDER of the base branch: the helper that owns this page replaces it. */
export function EnrolPage(_props: PageProps) {
  return <p>EnrolPage</p>;
}
