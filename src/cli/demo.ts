import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { issueToken, type TokenSubject } from '../auth/issue-token';
import { ALL_CITIES } from '../auth/principal';
import { type AppConfig, describeEventStore, loadConfig } from '../config/config';
import { DemoClock } from '../demo/demo-clock';
import { seedDemoData } from '../demo/seed-demo-data';
import { exitOnStartFailure } from '../start-failure';
import { startService } from '../start-service';

const DEMO_STORE = 'sqlite:data/demo.db';

const EXAMPLES = `
Try, with one of the tokens above in the Authorization header (GraphiQL at that address has a
headers tab), or with any GraphQL client:

  { dashboards { city enrolled active exited positiveExitRate positiveExitTarget medianDaysToOutcome } }

  { cityDashboard(city: "paris", programme: "paris-rmi") { enrolled jobReturns jobReturnRate jobReturnTarget } }

  { cityDashboard(city: "frankfurt", asOf: "2007-12-31") { enrolled exited positiveExitRate } }

  { timeToOutcome(city: "stockholm") { participants medianDays points { day stillSearching atRisk } } }

  { participants(city: "paris", status: ACTIVE, first: 5) {
      totalCount edges { node { id programme enrolledOn personal { fullName } timeline { kind summary } } } } }

  subscription { dashboardUpdated(city: "paris") { exited positiveExitRate } }
`;

/** `npm run demo`: the service on its own data file, filled once with a realistic run of the programme. */
async function main(): Promise<void> {
  const config = loadConfig({ EVENT_STORE_URL: DEMO_STORE, ...process.env });
  const logger = new Logger('Demo');
  const clock = new DemoClock();
  const { url } = await startService(
    config,
    async (app) => {
      logger.log(`Recording the demo programme run in ${describeEventStore(config.eventStore)} (once; later runs reuse it)...`);
      let recorded: number;
      try {
        recorded = await seedDemoData(app, {
          onDay: (day) => clock.recordingOn(day),
          onProgress: (done, of) => {
            if (done % 500 === 0 || done === of) logger.log(`${done} of ${of} milestones recorded`);
          },
        });
      } finally {
        clock.live();
      }
      logger.log(recorded ? `${recorded} journeys recorded` : 'Demo data already recorded');
    },
    clock,
  );
  logger.log(`GraphQL API at ${url}`);
  // Plain text for the person at the terminal; the log lines above are JSON for machines.
  console.log(`\nGraphQL API and GraphiQL: ${url}`);
  console.log(await demoTokens(config));
  console.log(EXAMPLES);
}

/** One bearer token per role, so that each person's view can be tried at once. */
async function demoTokens(config: AppConfig): Promise<string> {
  const { auth } = config;
  if (auth.kind !== 'hs256') return 'Tokens come from your identity provider (AUTH_JWKS_URL).';
  const callers: TokenSubject[] = [
    { sub: 'adviser-paris', role: 'adviser', city: 'paris' },
    { sub: 'adviser-frankfurt', role: 'adviser', city: 'frankfurt' },
    { sub: 'adviser-stockholm', role: 'adviser', city: 'stockholm' },
    { sub: 'coordinator', role: 'coordinator', city: ALL_CITIES },
    { sub: 'researcher', role: 'researcher', city: null },
    { sub: 'admin', role: 'admin', city: null },
  ];
  const lines = await Promise.all(
    callers.map(async (c) => `  ${`${c.role}${c.city && c.city !== ALL_CITIES ? ` (${c.city})` : ''}`.padEnd(22)} Bearer ${await issueToken(auth, c)}`),
  );
  return `\nTokens for 8 hours (HTTP header Authorization, or connection_init { "authorization": ... } on the WebSocket):\n${lines.join('\n')}`;
}

main().catch(exitOnStartFailure);
