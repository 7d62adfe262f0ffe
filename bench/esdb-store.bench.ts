import { openEsdbAppender } from './esdb-appenders';
import { nowMs } from './stats';
import { inAlternatingRounds, type StoreFigures, type StoreSettings } from './store.bench';
import { appendMany } from './store-appenders';

/**
 * Appends per second through the EventStoreDB adapter and through the bare client, in alternating
 * rounds against the EventStoreDB at `url`; the median round of each. Each round has a client of
 * its own and streams of its own (`run` tells this run's from earlier ones on a real server); its
 * `writers` append at once on that client, as concurrent requests of one replica do.
 */
export function benchEsdbStore(url: string, run: string, writers: number, settings: StoreSettings): Promise<StoreFigures> {
  return inAlternatingRounds(settings.rounds, async (kind, round) => {
    const appender = await openEsdbAppender(kind, url);
    try {
      const share = Math.ceil(settings.appends / writers);
      const started = nowMs();
      const written = await Promise.all(
        Array.from({ length: writers }, (_, w) => appendMany(appender, `${run}-${writers}-${kind}-${round}-${w}`, share, settings.streams)),
      );
      return written.reduce((a, b) => a + b, 0) / ((nowMs() - started) / 1_000);
    } finally {
      await appender.dispose();
    }
  });
}
