import type { Catalogue } from '../../catalogue/catalogue';
import type { RecordedJourneyEvent } from '../../journey/application/recorded-journey-event';
import { type CaseFile, evolveCase, type ParticipantCaseView } from '../../journey/case/participant-case';

/**
 * A stored case file is `JSON.stringify` of `{ state, view }`, whose last key is the view and the
 * view's last key the timeline: `{"state":{…},"view":{…,"timeline":[m1,…,mn]}}`. No other key is
 * named timeline and a quote inside a string is escaped, so the first `,"timeline":[` starts it.
 */
const TIMELINE = ',"timeline":[';
const END = ']}}';

type Recorded = Pick<RecordedJourneyEvent, 'event' | 'version' | 'metadata'>;

export interface NextCaseFile {
  /** The case before the event (its timeline left out); null for the first. */
  before: Omit<ParticipantCaseView, 'timeline'> | null;
  after: ParticipantCaseView;
  /** The whole file after the event, as stored. */
  text: string;
}

/**
 * The text of the case file after one more event, exactly as
 * `JSON.stringify(evolveCase(JSON.parse(previous), …))`, without parsing and writing out again the
 * milestones already there: an event only appends one to the timeline, and they are most of a
 * file. Null when the stream is no case (no enrolment).
 */
export function nextCaseFileText(previous: string | undefined, recorded: Recorded, catalogue: Catalogue): NextCaseFile | null {
  const parts = previous === undefined ? null : splitTimeline(previous);
  if (parts !== null) {
    // Folded into the file without its timeline, the event yields the head and its own milestone.
    const next = evolveCase(parts.head, recorded, catalogue);
    // An erasure blanks the notes of every earlier milestone: that one rewrites the whole file.
    if (next !== null && !next.view.personalDataErased) {
      const text = JSON.stringify(next);
      const at = text.indexOf(TIMELINE) + TIMELINE.length;
      return { before: parts.head.view, after: next.view, text: `${text.slice(0, at)}${parts.milestones},${text.slice(at)}` };
    }
  }
  const before = previous === undefined ? null : (JSON.parse(previous) as CaseFile);
  const next = evolveCase(before, recorded, catalogue);
  return next === null ? null : { before: before?.view ?? null, after: next.view, text: JSON.stringify(next) };
}

/** The file without its timeline, and the text of the milestones; null when not laid out as expected. */
function splitTimeline(text: string): { head: CaseFile; milestones: string } | null {
  const at = text.indexOf(TIMELINE);
  if (at < 0 || !text.endsWith(END)) return null;
  const milestones = text.slice(at + TIMELINE.length, -END.length);
  if (milestones === '') return null;
  try {
    const head = JSON.parse(`${text.slice(0, at)}}}`) as CaseFile;
    // evolveCase reads the earlier milestones from here, and only to copy them: the text has them.
    return head.view && !('timeline' in head.view) ? { head, milestones } : null;
  } catch {
    return null;
  }
}
