import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ERROR_CODES, SERVICE_ERROR_CODES } from '../../../web/src/api/error-codes';
import { de } from '../../../web/src/i18n/messages/de';
import { en } from '../../../web/src/i18n/messages/en';
import { fr } from '../../../web/src/i18n/messages/fr';
import { sv } from '../../../web/src/i18n/messages/sv';

const SRC = join(__dirname, '../../../src');

/** The service's sources that give an error its code: they build an error body or extensions with one, or map errors to codes. */
function codeGivingFiles(): string[] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.filter((file) => /errorBody\(|extensions: \{ (\.\.\.[\w.]+, )?code|describeError\(/.test(readFileSync(join(SRC, file), 'utf8')));
}

/** Every code those files write: their upper-case string literals, but a logger's name. */
function serviceCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of codeGivingFiles()) {
    const text = readFileSync(join(SRC, file), 'utf8').replace(/new Logger\('[^']*'\)/g, '');
    for (const [, code] of text.matchAll(/'([A-Z][A-Z_]*[A-Z])'/g)) codes.add(code!);
  }
  return codes;
}

describe("the web app's error codes (web/src/api/error-codes.ts) against the service's sources and the message files", () => {
  it('finds the files where the service gives its errors their codes', () => {
    expect(codeGivingFiles()).toEqual(
      expect.arrayContaining(['graphql/error-code.ts', 'graphql/format-error.ts', 'graphql/hardening/http-errors.filter.ts', 'lifecycle/http-drain.ts']),
    );
  });

  it('lists exactly the codes the service answers errors with', () => {
    expect([...serviceCodes()].sort()).toEqual([...SERVICE_ERROR_CODES].sort());
  });

  it.each([
    ['en', en],
    ['fr', fr],
    ['de', de],
    ['sv', sv],
  ])('has a message in %s for every code, the service’s and the app’s; a refusal to retry later says when', (_locale, messages) => {
    const texts: Record<string, string> = messages;
    for (const code of [...SERVICE_ERROR_CODES, ...APP_ERROR_CODES]) {
      expect([code, typeof texts[`error.${code}`]]).toEqual([code, 'string']);
      if (['RATE_LIMITED', 'SERVICE_BUSY', 'STORE_UNAVAILABLE', 'SHUTTING_DOWN'].includes(code)) expect(texts[`error.${code}`]).toContain('{seconds, plural,');
    }
  });
});
