import { ValidationPipe } from '@nestjs/common';
import { InvalidInput } from '../journey/domain/errors';
import { toFieldErrors } from './field-errors';

/** Validates every GraphQL input against its class-validator rules before any command is made. */
export const inputValidationPipe = new ValidationPipe({
  transform: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new InvalidInput(toFieldErrors(errors)),
});
