import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseCalendarDate(value: unknown, node?: ValueNode): string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2007-02-30 over to March: a real date survives the round trip.
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value as string;
  }
  // The literal's node locates the error in the document, and so the field in the input (value-errors.ts).
  throw new GraphQLError(`Date must be a calendar date as YYYY-MM-DD, not ${JSON.stringify(value)}`, { nodes: node });
}

/** Business dates travel as ISO-8601 strings, which also sort and compare correctly as strings. */
export const CalendarDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'ISO-8601 calendar date, e.g. 2007-05-14: the business date on which something happened.',
  serialize: parseCalendarDate,
  parseValue: parseCalendarDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string as YYYY-MM-DD', { nodes: ast });
    return parseCalendarDate(ast.value, ast);
  },
});
