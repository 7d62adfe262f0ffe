import { choicesOf, listArguments, queryStringOf } from '../../../web/src/cases/case-list-query';

describe("the case list's choices in the page's query string (web/src/cases/case-list-query.ts)", () => {
  it('reads each choice named as the API argument, and writes it back the same', () => {
    const address = '?search=PAR-0042&programme=paris-gatp&status=EXITED&noMilestoneForDays=30&orderBy=REFERENCE';
    const choices = choicesOf(new URLSearchParams(address));
    expect(choices).toEqual({ search: 'PAR-0042', programme: 'paris-gatp', status: 'EXITED', noMilestoneForDays: 30, orderBy: 'REFERENCE' });
    expect(queryStringOf(choices)).toBe(address);
    expect(listArguments(choices)).toEqual({ search: 'PAR-0042', programme: 'paris-gatp', status: 'EXITED', noMilestoneForDays: 30, orderBy: 'REFERENCE' });
  });

  it('takes a value that means nothing for no choice, recently changed first for the order, and leaves out what is not chosen', () => {
    const choices = choicesOf(new URLSearchParams('?search=%20%20&status=GONE&noMilestoneForDays=-3&orderBy=NAME'));
    expect(choices).toEqual({ search: '', programme: '', status: '', noMilestoneForDays: null, orderBy: 'RECENTLY_CHANGED' });
    expect(queryStringOf(choices)).toBe('');
    expect(listArguments(choices)).toEqual({ search: null, programme: null, status: null, noMilestoneForDays: null, orderBy: 'RECENTLY_CHANGED' });
    expect(choicesOf(new URLSearchParams('?noMilestoneForDays=2.5')).noMilestoneForDays).toBeNull();
  });

  it('keeps a search as typed but for the spaces around it', () => {
    expect(queryStringOf(choicesOf(new URLSearchParams({ search: '  Marie Dupont ' })))).toBe('?search=Marie+Dupont');
  });
});
