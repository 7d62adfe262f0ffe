import { ImportRefused } from '../../../src/cli/import-failure';
import { importRecorder } from '../../../src/cli/import-recorder';

describe("the recordedBy of an import's events (--by, or the file's name)", () => {
  it.each([
    ['an id', 'archive-2008'],
    ['an email', 'marie.dupont@paris.example'],
    ['a URI', 'https://idp.example/users/42?x=1&y=[2]'],
    ['255 characters', 'a'.repeat(255)],
  ])('takes --by as given when a token could have it as sub: %s', (_, by) => {
    expect(importRecorder(by, 'past.csv')).toBe(by);
  });

  it.each([
    ['empty', ''],
    ['a space', 'two words'],
    ['a tab', 'tab\there'],
    ['a line break, which would forge a line of the log', 'archive\nline 2, kind: FORBIDDEN'],
    ['an escape sequence for the terminal', 'archive\u001b[31m'],
    ['a delete', 'archive\u007f'],
    ['an accent', 'archivé'],
    ['markup', '<script>'],
    ['a quote', "o'brien"],
    ['a double quote', 'say"hi'],
    ['a backquote', 'run`this`'],
    ['256 characters', 'a'.repeat(256)],
  ])('refuses --by with %s (USAGE), rather than change it', (_, by) => {
    const named = () => importRecorder(by, 'past.csv');

    expect(named).toThrow(ImportRefused);
    expect(named).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('--by must be 1 to 255 printable ASCII characters') }));
  });

  it.each([
    ['a plain name', 'data/past-journeys.csv', 'import:past-journeys.csv'],
    ['spaces, accents and markup', '/tmp/exports/Année 2008 <final> "v2".csv', 'import:Ann_e_2008__final___v2_.csv'],
    ['control characters', 'past\tjourneys\n\u001b.csv', 'import:past_journeys__.csv'],
    ['a name longer than a sub', `${'x'.repeat(300)}.csv`, `import:${'x'.repeat(248)}`],
  ])('without --by, makes one of the file name with %s: only what a sub may hold, at most 255 characters', (_, path, expected) => {
    const recorder = importRecorder(undefined, path);

    expect(recorder).toBe(expected);
    expect(recorder).toMatch(/^[\x21-\x7e]{1,255}$/);
  });
});
