import type { Page } from 'playwright-core';
import { tabTo } from './browser';
import { postGraphQL } from './graphql-client';
import { bearer } from './tokens';

/** A demo case as the amending forms' tests pick one: its state and timeline. */
export interface DemoCase {
  id: string;
  reference: string;
  status: 'ACTIVE' | 'EXITED';
  exitReason: string | null;
  personalDataErased: boolean;
  timeline: { sequence: number; kind: string; voided: boolean }[];
}

const CASES = `query ($after: String) {
  participants(first: 50, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id reference status exitReason personalDataErased timeline { sequence kind voided } } }
  }
}`;

interface CasePage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: DemoCase }[];
}

/** The API as an adviser of Paris (its own token `sub`, so the page's query budget is its own). */
export const parisAdviser = (): Promise<string> => bearer('adviser', 'paris', 'adviser-paris-api');

/** Posts a query or mutation as an adviser of Paris; its errors are thrown. */
export async function asParisAdviser<T = Record<string, any>>(serviceUrl: string, document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await postGraphQL<T>(serviceUrl, document, variables, { authorization: await parisAdviser() });
  if (answer.errors) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

/**
 * Demo cases of Paris (the adviser's city) that `fits`, none of the cases in `taken` (each test
 * amends a case of its own), `count` of them, read through the API a page at a time.
 */
export async function demoCases(serviceUrl: string, fits: (found: DemoCase) => boolean, taken: Set<string>, count = 1): Promise<DemoCase[]> {
  const found: DemoCase[] = [];
  let after: string | null = null;
  do {
    const { participants }: { participants: CasePage } = await asParisAdviser(serviceUrl, CASES, { after });
    for (const { node } of participants.edges) {
      if (found.length < count && !taken.has(node.id) && !node.personalDataErased && fits(node)) found.push(node);
    }
    after = participants.pageInfo.hasNextPage ? participants.pageInfo.endCursor : null;
  } while (found.length < count && after !== null);
  if (found.length < count) throw new Error('The demo has no such case in Paris');
  for (const { id } of found) taken.add(id);
  return found;
}

/** The milestones of a kind that still count (not voided). */
export const standing = (found: DemoCase, kind: string) => found.timeline.filter((m) => m.kind === kind && !m.voided);

/** Types into a field reached with the Tab key, replacing what it held: keyboard only. */
export async function typeByKeyboard(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Presses a button reached with the Tab key: keyboard only. */
export async function pressByKeyboard(page: Page, selector: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('Enter');
}
