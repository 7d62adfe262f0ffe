import { amendableMilestone, sequenceOf } from '../../../web/src/commands/amendable';
import { confirmsErasure } from '../../../web/src/commands/erase-confirmation';

const step = (sequence: number, kind: string, voided = false) => ({ sequence, kind, voided });
const TIMELINE = [step(1, 'ENROLLED'), step(2, 'COACHING_SESSION'), step(3, 'JOB_STARTED', true), step(4, 'PERSONAL_DATA_ERASED')];

describe('the checks of the forms that amend a case', () => {
  it('find the milestone a correction or void names, or why neither may be asked, as the service refuses them', () => {
    expect(amendableMilestone(TIMELINE, 2, 'void')).toEqual({ milestone: TIMELINE[1], refusal: null });
    expect(amendableMilestone(TIMELINE, 1, 'correct')).toEqual({ milestone: TIMELINE[0], refusal: null });
    expect(amendableMilestone(TIMELINE, 1, 'void')).toEqual({ milestone: null, refusal: 'amend.enrolmentNotVoidable' });
    expect(amendableMilestone(TIMELINE, 3, 'correct')).toEqual({ milestone: null, refusal: 'amend.voided' });
    expect(amendableMilestone(TIMELINE, 4, 'void')).toEqual({ milestone: null, refusal: 'amend.erasure' });
    expect(amendableMilestone(TIMELINE, 9, 'correct')).toEqual({ milestone: null, refusal: 'amend.noSuchMilestone' });
  });

  it("read the milestone's sequence from the page's query, and nothing else as one", () => {
    expect(sequenceOf('?sequence=12')).toBe(12);
    for (const search of ['', '?sequence=', '?sequence=0', '?sequence=-1', '?sequence=1.5', '?sequence=1e3', '?seq=3']) expect(sequenceOf(search)).toBeNull();
  });

  it('take the case reference, typed in any case, as the confirmation of an erasure', () => {
    expect(confirmsErasure(' par-0042 ', 'PAR-0042')).toBe(true);
    expect(confirmsErasure('PAR-0042', 'PAR-0042')).toBe(true);
    expect(confirmsErasure('PAR-004', 'PAR-0042')).toBe(false);
    expect(confirmsErasure('', 'PAR-0042')).toBe(false);
  });
});
