import type { FoldedLifePath, RecordedStep } from '../../life-paths/life-path-record';

/** A step as stored: its values in order, its programme last, for an enrolment or re-enrolment only. */
type StoredStep = [RecordedStep['seq'], RecordedStep['on'], RecordedStep['month'], RecordedStep['kind'], RecordedStep['detail'], RecordedStep['programme']?];

/**
 * How a life-path record is stored: JSON, each of its steps the array of its values rather than
 * an object with their names, half the size. A record is read and written again in every batch in
 * which its participant has events, and copied at each month's end: its bytes are most of what a
 * replay of life paths writes.
 */
export const lifePathText = ({ steps, ...record }: FoldedLifePath): string =>
  JSON.stringify({
    ...record,
    steps: steps.map(({ seq, on, month, kind, detail, programme }): StoredStep =>
      programme === undefined ? [seq, on, month, kind, detail] : [seq, on, month, kind, detail, programme],
    ),
  });

/** The record `lifePathText` stored. */
export function lifePathOf(text: string): FoldedLifePath {
  const { steps, ...record } = JSON.parse(text) as Omit<FoldedLifePath, 'steps'> & { steps: StoredStep[] };
  return {
    ...record,
    steps: steps.map(([seq, on, month, kind, detail, programme]): RecordedStep =>
      programme === undefined ? { seq, on, month, kind, detail } : { seq, on, month, kind, detail, programme },
    ),
  };
}
