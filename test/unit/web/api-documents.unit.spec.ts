import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import * as caseDocuments from '../../../web/src/api/case-documents';
import * as commandDocuments from '../../../web/src/api/command-documents';
import * as documents from '../../../web/src/api/documents';
import WebSocket from 'ws';
import { enrolForm } from '../../../web/src/commands/enrol-form';
import type { CommandFormSpec } from '../../../web/src/commands/form-spec';

const schema = buildSchema(readFileSync(join(__dirname, '../../../schema/schema.graphql'), 'utf8'));

/** Every operation of the app's document modules, by its export's name; the field list they share is no operation. */
const operations = Object.entries<unknown>({ ...documents, ...caseDocuments, ...commandDocuments }).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string' && /^(query|mutation|subscription)\b/.test(entry[1]),
);

type FormOfAction = CommandFormSpec | ((sequence: number) => CommandFormSpec);

// Some forms are components (.tsx, type-checked with the app's DOM types in web/tsconfig.json, not
// here), and some load the app's API client, which reads the page's address and makes its (lazy)
// socket when loaded: given what a browser has, a WebSocket class included (Node 20 has none).
Object.assign(globalThis, { location: new URL('http://localhost/'), WebSocket });
const { FORMS_BY_ACTION } = require('../../../web/src/commands/forms-by-action') as { FORMS_BY_ACTION: Record<string, FormOfAction> };

/** Each form's mutation as the app sends it (a form about one milestone, for its first). */
const commands = ([['enrol', enrolForm], ...Object.entries(FORMS_BY_ACTION)] as [string, FormOfAction][]).map(
  ([action, spec]) => {
    const { mutation, inputType } = typeof spec === 'function' ? spec(1) : spec;
    return [action, commandDocuments.commandDocument(mutation, inputType)] as const;
  },
);

/**
 * The app's queries and mutations are strings the browser sends: a field renamed or an argument
 * retyped on the server would break a page only when someone opens it. Checked here against the
 * committed schema, which the schema spec keeps equal to the code's.
 */
describe("the web app's GraphQL documents are valid against the service's schema (schema/schema.graphql)", () => {
  it('finds the documents it checks', () => {
    expect(operations.map(([name]) => name)).toEqual(expect.arrayContaining(['CITIES', 'CASE_LIST', 'CASE_FILE', 'CASE_FOR_FORM', 'LIFE_PATHS']));
  });

  it.each(operations)('%s', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });

  it("every form's mutation, with its input type", () => {
    expect(commands.map(([action]) => action)).toEqual(expect.arrayContaining(['enrol', 'coaching', 'exit', 'correct', 'erase', 'personal-details']));
    expect(commands.flatMap(([action, document]) => validate(schema, parse(document)).map((e) => `${action}: ${e.message}`))).toEqual([]);
  });
});
