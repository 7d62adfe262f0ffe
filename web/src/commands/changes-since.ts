import type { CaseForForm } from '../api/command-types';

/** One change recorded on a case: a milestone, a correction or void of one, or a note. */
export interface CaseChange {
  sequence: number;
  what: 'milestone' | 'CORRECTED' | 'VOIDED' | 'note';
  /** The milestone's kind (of the milestone amended, for a correction or void); null for a note. */
  kind: string | null;
  /** The business date of the milestone or note; null for a correction or void. */
  occurredOn: string | null;
  recordedAt: string;
  recordedBy: string;
}

/** Everything recorded on the case after the version a person saw (events are numbered from 1, so after sequence `version`), in order. */
export function changesSince(caseFile: CaseForForm, version: number): CaseChange[] {
  const changes: CaseChange[] = [];
  for (const milestone of caseFile.timeline) {
    const { sequence, kind, occurredOn, recordedAt, recordedBy } = milestone;
    if (sequence > version) changes.push({ sequence, what: 'milestone', kind, occurredOn, recordedAt, recordedBy });
    for (const amendment of milestone.amendments) {
      if (amendment.sequence > version) {
        changes.push({ sequence: amendment.sequence, what: amendment.kind, kind, occurredOn: null, recordedAt: amendment.recordedAt, recordedBy: amendment.recordedBy });
      }
    }
  }
  for (const { sequence, writtenOn, recordedAt, recordedBy } of caseFile.notes) {
    if (sequence > version) changes.push({ sequence, what: 'note', kind: null, occurredOn: writtenOn, recordedAt, recordedBy });
  }
  return changes.sort((a, b) => a.sequence - b.sequence);
}
