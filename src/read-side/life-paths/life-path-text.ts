import type { FoldedLifePath, RecordedStep } from '../../life-paths/life-path-record';

/** A step as stored: its values in order, its programme last, for an enrolment or re-enrolment only. */
type StoredStep = [RecordedStep['seq'], RecordedStep['on'], RecordedStep['month'], RecordedStep['kind'], RecordedStep['detail'], RecordedStep['programme']?];

/**
 * How a life-path record is stored: JSON, each of its steps the array of its values rather than
 * an object with their names, half the size. A record is read and written again in every batch in
 * which its participant has events, and copied at each month's end: its bytes are most of what a
 * replay of life paths writes.
 */
export const lifePathText = (record: FoldedLifePath): string => heldLifePathText({ record, earlier: NO_STEPS });

/** The record `lifePathText` stored. */
export function lifePathOf(text: string): FoldedLifePath {
  const { steps, ...record } = JSON.parse(text) as Omit<FoldedLifePath, 'steps'> & { steps: StoredStep[] };
  return { ...record, steps: steps.map(recordedStep) };
}

/**
 * A stored record as a projection batch holds it: its earlier steps kept as their stored text,
 * never decoded nor encoded again, `record` holding only the steps added after them. A batch
 * mostly adds steps, and a record's steps are most of its bytes: decoding and encoding them all
 * for each batch in which the participant has events was most of a replay's cost.
 */
export interface HeldLifePath {
  record: FoldedLifePath;
  /** The stored text of the steps before `record.steps`: a JSON array. */
  earlier: string;
  /**
   * The record as it was read, and the stored text of its fields before the steps: written again as
   * it is, not encoded again, while `record`'s fields are still those, as they mostly are (a step
   * changes a record's programme or outcome at most, and few steps do).
   */
  read?: { record: FoldedLifePath; head: string };
}

/** The steps' text of a record with none. */
export const NO_STEPS = '[]';

/** Where the stored steps begin: they are the text's last key, and a quote inside a JSON string is escaped, so the first match is the key. */
const STEPS_KEY = ',"steps":';

/**
 * The record `lifePathText` stored without its steps (none): what the lattice search and whom a
 * release shows read of it. Decoding the steps is most of the cost of decoding a record.
 */
export const lifePathHeadOf = (text: string): FoldedLifePath => heldLifePathOf(text).record;

/** The record `lifePathText` stored, its steps left as their text. */
export function heldLifePathOf(text: string): HeldLifePath {
  const at = text.indexOf(STEPS_KEY);
  // Parsed with its steps' key, not spread into a record with one: V8 gave each record so spread from a
  // parsed object a shape of its own, which made every later read and copy of it slow.
  const head = text.slice(0, at);
  const record = JSON.parse(`${head}${STEPS_KEY}${NO_STEPS}}`) as FoldedLifePath;
  return { record, earlier: text.slice(at + STEPS_KEY.length, -1), read: { record, head } };
}

/** The text `lifePathText` stores for the whole record: the earlier steps' text with the added steps after it. */
export function heldLifePathText({ record, earlier, read }: HeldLifePath): string {
  const head = read !== undefined && sameFields(read.record, record) ? read.head : headText(record);
  return `${head}${STEPS_KEY}${joinedSteps(earlier, record.steps)}}`;
}

/** The record's text up to its steps: its other fields, without the closing brace. */
function headText({ steps, ...fields }: FoldedLifePath): string {
  return JSON.stringify(fields).slice(0, -1);
}

/**
 * Whether the records' fields but their steps hold the same values. Their order is not compared:
 * every record has its fields in the one order evolveLifePathRecord gives them, which is the stored one.
 */
function sameFields(a: FoldedLifePath, b: FoldedLifePath): boolean {
  for (const key in a) if (key !== 'steps' && a[key as keyof FoldedLifePath] !== b[key as keyof FoldedLifePath]) return false;
  return true;
}

/** The record with all its steps decoded: what a correction or a void needs, which may change any of them. */
export function wholeLifePath({ record, earlier }: HeldLifePath): HeldLifePath {
  if (earlier === NO_STEPS) return { record, earlier };
  const decoded = (JSON.parse(earlier) as StoredStep[]).map(recordedStep);
  return { record: { ...record, steps: [...decoded, ...record.steps] }, earlier: NO_STEPS };
}

function joinedSteps(earlier: string, steps: readonly RecordedStep[]): string {
  if (steps.length === 0) return earlier;
  const added = JSON.stringify(steps.map(storedStep));
  return earlier === NO_STEPS ? added : `${earlier.slice(0, -1)},${added.slice(1)}`;
}

const storedStep = ({ seq, on, month, kind, detail, programme }: RecordedStep): StoredStep =>
  programme === undefined ? [seq, on, month, kind, detail] : [seq, on, month, kind, detail, programme];

const recordedStep = ([seq, on, month, kind, detail, programme]: StoredStep): RecordedStep =>
  programme === undefined ? { seq, on, month, kind, detail } : { seq, on, month, kind, detail, programme };
