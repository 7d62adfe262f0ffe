import type { Page, WebSocketRoute } from 'playwright-core';
import { en } from '../../web/src/i18n/messages/en';
import { browserTestbed, devSignIn, screenshot } from '../support/browser';
import { eventually } from '../support/eventually';
import { apiFigures, enrolAndExit, overviewFigure, waitForShown } from '../support/live-figures';
import { bearer } from '../support/tokens';

/**
 * The page's live socket (`/graphql`), passed through to the service by Playwright, which a test
 * may cut (the socket closed, new ones refused) or slow down (the page's operations held back).
 */
class SocketTap {
  private open: WebSocketRoute[] = [];
  private refusing = false;
  private held: { server: WebSocketRoute; message: string | Buffer }[] | null = null;
  /** Operations the page sent over its socket, in order: `subscription DashboardUpdated`, `query CityDashboard`… */
  readonly operations: string[] = [];

  /** Routes the page's sockets through the tap; before the page opens one. */
  async install(page: Page): Promise<void> {
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      if (this.refusing) return socket.close({ code: 1001, reason: 'Cut by the test' });
      const server = socket.connectToServer();
      this.open.push(socket);
      socket.onMessage((message) => {
        const operation = operationOf(message);
        if (operation) this.operations.push(operation);
        if (operation && this.held) this.held.push({ server, message });
        else server.send(message);
      });
    });
  }

  /** Closes the page's socket as a lost connection does, and refuses new ones until `restore`. */
  async cut(): Promise<void> {
    this.refusing = true;
    await Promise.all(this.open.splice(0).map((socket) => socket.close({ code: 1001, reason: 'Cut by the test' })));
  }

  restore(): void {
    this.refusing = false;
  }

  /** Holds every operation the page sends from now on, as a slow network would, until `release`. */
  hold(): void {
    this.held = [];
  }

  /** Sends what was held, in the order the page sent it. */
  release(): void {
    for (const { server, message } of this.held ?? []) server.send(message);
    this.held = null;
  }
}

/** The operation's type and name of a graphql-ws `subscribe` message (the page's subscriptions and queries alike), else null. */
function operationOf(message: string | Buffer): string | null {
  const parsed = JSON.parse(String(message)) as { type: string; payload?: { query: string } };
  return parsed.type === 'subscribe' ? /^\s*(\w+\s+\w+)/.exec(parsed.payload!.query)![1]! : null;
}

const liveStatus = (page: Page) => page.locator('p.live-status[role="status"]');

describe('live figures in a real browser (Chromium, the built demo service; the page’s socket passed through Playwright)', () => {
  const testbed = browserTestbed();
  const coordinator = () => bearer('coordinator', '*');
  const adviser = () => bearer('adviser', 'paris');

  it('shows a change committed while the page’s subscriptions are still on their way (its socket’s messages held back by the test)', async () => {
    const { page } = await testbed.newPage();
    const tap = new SocketTap();
    await tap.install(page);
    tap.hold();
    await devSignIn(page, testbed.origin, 'coordinator');
    await page.locator(overviewFigure('paris', 'exited')).waitFor();
    await eventually('the page subscribes to its three cities’ dashboards', () => tap.operations.filter((operation) => operation === 'subscription DashboardUpdated').length >= 3);

    await enrolAndExit(testbed.service.url, adviser);
    const api = await apiFigures(testbed.service.url, 'paris', await coordinator());
    tap.release();

    await waitForShown(page, overviewFigure('paris', 'exited'), api.exited);
    await waitForShown(page, overviewFigure('paris', 'enrolled'), api.enrolled);
    await waitForShown(page, '.detail tr[data-figure="exited"] td.value', api.exited);
  }, 60_000);

  it('tells that live updates are paused while the socket is cut, and shows what changed meanwhile once it is back, without a reload', async () => {
    const { page } = await testbed.newPage();
    const tap = new SocketTap();
    await tap.install(page);
    await devSignIn(page, testbed.origin, 'coordinator');
    await page.locator(overviewFigure('paris', 'exited')).waitFor();
    await eventually('the page subscribes to its dashboards', () => tap.operations.includes('subscription DashboardUpdated'));
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    expect(await liveStatus(page).innerText()).toBe('');

    await tap.cut();
    await liveStatus(page).filter({ hasText: en['live.paused'] }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'live-updates-paused');
    await enrolAndExit(testbed.service.url, adviser);
    const api = await apiFigures(testbed.service.url, 'paris', await coordinator());
    tap.restore();

    await liveStatus(page).filter({ hasText: en['live.resumed'] }).waitFor({ timeout: 30_000 });
    await waitForShown(page, overviewFigure('paris', 'exited'), api.exited);
    await waitForShown(page, overviewFigure('paris', 'enrolled'), api.enrolled);
    await waitForShown(page, '.detail tr[data-figure="exited"] td.value', api.exited);
    expect(navigations).toBe(0);
    await screenshot(page, 'live-updates-resumed');
  }, 90_000);
});

