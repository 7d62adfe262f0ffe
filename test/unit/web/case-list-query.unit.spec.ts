import { choicesOf, listArguments, queryStringOf, stateOf } from '../../../web/src/cases/case-list-query';

describe("the case list's choices in the page's query string and its history entry's state (web/src/cases/case-list-query.ts)", () => {
  it('reads each choice named as the API argument, and writes it back the same but the search, which stays out of the address', () => {
    const address = '?programme=paris-gatp&status=EXITED&noMilestoneForDays=30&orderBy=REFERENCE';
    const choices = choicesOf(new URLSearchParams(`${address}&search=Dupont`), 'PAR-0042');
    expect(choices).toEqual({ search: 'PAR-0042', programme: 'paris-gatp', status: 'EXITED', noMilestoneForDays: 30, orderBy: 'REFERENCE' });
    expect(queryStringOf(choices)).toBe(address);
    expect(stateOf(choices)).toEqual({ search: 'PAR-0042' });
    expect(listArguments(choices)).toEqual({ search: 'PAR-0042', programme: 'paris-gatp', status: 'EXITED', noMilestoneForDays: 30, orderBy: 'REFERENCE' });
  });

  it('takes a value that means nothing for no choice, recently changed first for the order, and leaves out what is not chosen', () => {
    const choices = choicesOf(new URLSearchParams('?status=GONE&noMilestoneForDays=-3&orderBy=NAME'), '  ');
    expect(choices).toEqual({ search: '', programme: '', status: '', noMilestoneForDays: null, orderBy: 'RECENTLY_CHANGED' });
    expect(queryStringOf(choices)).toBe('');
    expect(stateOf(choices)).toBeNull();
    expect(listArguments(choices)).toEqual({ search: null, programme: null, status: null, noMilestoneForDays: null, orderBy: 'RECENTLY_CHANGED' });
    expect(choicesOf(new URLSearchParams('?noMilestoneForDays=2.5'), '').noMilestoneForDays).toBeNull();
  });

  it('keeps a search as typed but for the spaces around it', () => {
    expect(stateOf(choicesOf(new URLSearchParams(), '  Marie Dupont '))).toEqual({ search: 'Marie Dupont' });
  });
});
