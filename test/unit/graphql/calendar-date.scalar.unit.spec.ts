import { GraphQLError, parseConstValue } from 'graphql';
import { CalendarDateScalar } from '../../../src/graphql/calendar-date.scalar';

/** The three ways a date reaches the scalar: a variable, an inline literal, a resolver's result. */
const parseValue = (value: unknown) => CalendarDateScalar.parseValue(value);
const parseLiteral = (source: string) => CalendarDateScalar.parseLiteral(parseConstValue(source));
const serialize = (value: unknown) => CalendarDateScalar.serialize(value);

describe('Date scalar', () => {
  it.each(['2007-05-14', '2006-01-01', '2008-12-31', '2008-02-29', '2007-04-30', '1930-01-31'])('accepts %s', (date) => {
    expect(parseValue(date)).toBe(date);
    expect(parseLiteral(JSON.stringify(date))).toBe(date);
    expect(serialize(date)).toBe(date);
  });

  it.each<[string, unknown]>([
    ['29 February of a common year', '2007-02-29'],
    ['30 February of a leap year', '2008-02-30'],
    ['31 April', '2007-04-31'],
    ['month 13', '2007-13-01'],
    ['month 00', '2007-00-10'],
    ['day 00', '2007-01-00'],
    ['digits not padded', '2007-1-1'],
    ['a date-time', '2007-01-01T00:00:00Z'],
    ['another order', '01-02-2007'],
    ['an empty string', ''],
    ['a number', 20070101],
    ['null', null],
    ['a Date object', new Date('2007-01-01T00:00:00Z')],
  ])('refuses %s: %p', (_, value) => {
    expect(() => parseValue(value)).toThrow(GraphQLError);
    expect(() => parseValue(value)).toThrow(/Date must be a calendar date as YYYY-MM-DD/);
    expect(() => serialize(value)).toThrow(GraphQLError);
  });

  it.each(['"2007-02-29"', '"2007-1-1"', '"2007-01-01T00:00:00Z"', '20070101', '2007.0101', 'null', '{ year: 2007 }'])(
    'refuses the literal %s',
    (literal) => {
      expect(() => parseLiteral(literal)).toThrow(GraphQLError);
    },
  );

  it('names the refused value in its message', () => {
    expect(() => parseValue('2007-02-29')).toThrow('Date must be a calendar date as YYYY-MM-DD, not "2007-02-29"');
  });
});
