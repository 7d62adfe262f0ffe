import { inputPath, placeFieldErrors } from '../../../web/src/commands/field-paths';
import { fieldOfRule } from '../../../web/src/commands/rule-fields';

describe("the service's field errors placed beside the form's fields", () => {
  const fields = [{ name: 'occurredOn' }, { name: 'fullName', path: 'personal.fullName' }, { name: 'email', path: 'personal.email' }];

  it('read paths below the input, with or without the argument in front', () => {
    expect(inputPath('input.occurredOn')).toBe('occurredOn');
    expect(inputPath('personal.email')).toBe('personal.email');
    expect(inputPath('input')).toBe('');
    expect(inputPath('inputs')).toBe('inputs');
  });

  it("go beside the field of their path, several to a field, and the rest to the form's summary", () => {
    const placed = placeFieldErrors(
      [
        { field: 'input.occurredOn', message: 'Date must be a calendar date as YYYY-MM-DD, not "x"' },
        { field: 'personal.email', message: 'email must be an email address' },
        { field: 'personal.fullName', message: 'fullName must not be blank' },
        { field: 'personal.fullName', message: 'fullName must be at most 2000 characters' },
        { field: 'expectedVersion', message: 'expectedVersion must not be less than 1' },
      ],
      fields,
    );
    expect(placed.byField).toEqual({
      occurredOn: ['Date must be a calendar date as YYYY-MM-DD, not "x"'],
      email: ['email must be an email address'],
      fullName: ['fullName must not be blank', 'fullName must be at most 2000 characters'],
    });
    expect(placed.unmatched).toEqual([{ field: 'expectedVersion', message: 'expectedVersion must not be less than 1' }]);
  });

  it('place a refused rule beside the field it concerns, when the form has it', () => {
    expect(fieldOfRule('DATE_BEFORE_ENROLMENT', ['occurredOn', 'reason'])).toBe('occurredOn');
    expect(fieldOfRule('EXIT_WITHOUT_OUTCOME', ['occurredOn', 'reason'], { EXIT_WITHOUT_OUTCOME: 'reason' })).toBe('reason');
    expect(fieldOfRule('DATE_IN_FUTURE', ['enrolledOn'], { DATE_IN_FUTURE: 'enrolledOn' })).toBe('enrolledOn');
    expect(fieldOfRule('NOT_ACTIVE', ['occurredOn'])).toBeNull();
    expect(fieldOfRule('DATE_IN_FUTURE', ['reason'])).toBeNull();
  });
});
