import type { Page } from 'playwright-core';
import { postGraphQL } from './graphql-client';
import { enrolmentInput, mutation } from './journey-api';

/** The value cell of a figure in a city's card of the dashboards page's overview. */
export const overviewFigure = (city: string, figure: string): string => `.cards article[data-city="${city}"] tr[data-figure="${figure}"] td.value`;

const today = () => new Date().toISOString().slice(0, 10);

/** A city's live counts as the API answers them to `authorization`. */
export async function apiFigures(serviceUrl: string, city: string, authorization: string): Promise<{ enrolled: number; exited: number }> {
  const answer = await postGraphQL(serviceUrl, 'query ($city: String!) { cityDashboard(city: $city) { enrolled exited } }', { city }, { authorization });
  if (answer.errors) throw new Error(`cityDashboard failed: ${JSON.stringify(answer.errors)}`);
  return answer.data!.cityDashboard;
}

/** Enrols a participant in Paris today and records their exit, as the adviser `authorization` (a function, for tokens that live seconds). */
export async function enrolAndExit(serviceUrl: string, authorization: () => Promise<string>): Promise<void> {
  const enrolled = await postGraphQL(serviceUrl, mutation('enrolParticipant'), { input: enrolmentInput({ enrolledOn: today() }) }, { authorization: await authorization() });
  if (enrolled.errors) throw new Error(`enrolParticipant failed: ${JSON.stringify(enrolled.errors)}`);
  const input = { participantId: enrolled.data!.enrolParticipant.id, occurredOn: today(), reason: 'HEALTH' };
  const exit = await postGraphQL(serviceUrl, mutation('recordExit'), { input }, { authorization: await authorization() });
  if (exit.errors) throw new Error(`recordExit failed: ${JSON.stringify(exit.errors)}`);
}

/** Waits until the page shows exactly `value` in `cell` (an English page: numbers as Intl writes them in 'en'). */
export async function waitForShown(page: Page, cell: string, value: number): Promise<void> {
  const text = new Intl.NumberFormat('en').format(value);
  await page.locator(cell, { hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 30_000 });
}
