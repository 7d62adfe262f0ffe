import type Database from 'better-sqlite3';

/** Versions of a case per row of `case_timelines`: a row holds the milestones and notes of 8 of its events at most. */
const VERSIONS_PER_BLOCK = 8;

/**
 * The row of `case_timelines` that holds a case's milestone or note of that sequence (the version
 * of its event): a case's lists are cut into blocks by version, so that a batch adds its items to
 * the last block or two, rewriting a few items at most, never the whole timeline; and the rows are
 * the same whatever batches the events came in, as a rebuild finds them.
 */
export const blockOf = (sequence: number): number => Math.floor((sequence - 1) / VERSIONS_PER_BLOCK);

/** A row of `case_timelines`: its milestones and notes as text (`case-timeline-text.ts`), in order; null where it holds none. */
export interface CaseTimelineBlock {
  milestones: string | null;
  notes: string | null;
}

/** A case's lists as text, its blocks joined in order: its timeline is never empty (it starts with the enrolment). */
export interface CaseLists {
  milestones: string;
  notes: string;
}

/** The statement that reads a case's blocks in order, along the primary key: nothing is sorted. */
export const prepareBlocks = (db: Database.Database) =>
  db.prepare<[number], CaseTimelineBlock>('SELECT milestones, notes FROM case_timelines WHERE case_id = ? ORDER BY block');

/** The case's lists: its blocks' texts joined, those with none left out. */
export function joinedBlocks(blocks: readonly CaseTimelineBlock[]): CaseLists {
  const joined = (texts: (string | null)[]) => texts.filter((text) => text !== null).join(',');
  return { milestones: joined(blocks.map((block) => block.milestones)), notes: joined(blocks.map((block) => block.notes)) };
}
