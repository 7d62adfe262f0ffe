import { basename } from 'node:path';
import { ImportRefused } from './import-failure';

/** What a token's `sub` may be, since it is recorded as `recordedBy` alike (src/auth/token-verifier.ts). */
const RECORDER = /^[\x21-\x7e]{1,255}$/;
const MARKUP = /[<>"'`]/;
const NOT_IN_RECORDER = /[^\x21-\x7e]|[<>"'`]/g;

/**
 * The `recordedBy` of an import's events: `--by` as given when a token's `sub` could be it (1 to
 * 255 printable ASCII characters, no space, no markup: control characters, accents and the like
 * are refused, not changed), else USAGE. Without `--by`, `import:` and the file's name, each
 * character a `sub` may not hold made `_`, cut at 255.
 */
export function importRecorder(by: string | undefined, path: string): string {
  if (by === undefined) return `import:${basename(path)}`.replace(NOT_IN_RECORDER, '_').slice(0, 255);
  if (!RECORDER.test(by) || MARKUP.test(by)) {
    throw new ImportRefused('USAGE', '--by must be 1 to 255 printable ASCII characters, without spaces or <>"\'`, as a token\'s sub');
  }
  return by;
}
