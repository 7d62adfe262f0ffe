import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '../config/config';
import { seedDemoData } from '../demo/seed-demo-data';
import { startService } from '../start-service';

const DEMO_STORE = 'sqlite:data/demo.db';

const EXAMPLES = `
Try, in GraphiQL at that address or with any GraphQL client:

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
  const { url } = await startService(config, async (app) => {
    logger.log(`Recording the demo programme run in ${config.eventStore.file} (once; later runs reuse it)...`);
    const recorded = await seedDemoData(app, { onProgress: (done) => {
        if (done % 50 === 0) logger.log(`${done} journeys recorded`);
      },
    });
    logger.log(recorded ? `${recorded} journeys recorded` : 'Demo data already recorded');
  });
  logger.log(`GraphQL API at ${url}`);
  console.log(EXAMPLES);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
