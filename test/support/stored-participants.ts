import Database from 'better-sqlite3';

/**
 * The participants whose journeys a stopped service's file holds, each with its number of events:
 * read straight from the file, read-only, as an operator would check what was stored.
 */
export function eventsPerParticipant(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare("SELECT stream_id, COUNT(*) AS n FROM events WHERE stream_id LIKE 'participant-%' GROUP BY stream_id")
      .all() as { stream_id: string; n: number }[];
    return new Map(rows.map((r) => [r.stream_id.slice('participant-'.length), r.n]));
  } finally {
    db.close();
  }
}
