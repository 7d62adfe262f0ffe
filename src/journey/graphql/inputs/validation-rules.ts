import { applyDecorators } from '@nestjs/common';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NACE_SECTION } from '../../domain/vocabulary';

export const MAX_TEXT_LENGTH = 2000;

/** Free text: present, not only spaces, at most 2,000 characters. */
export const IsText = () =>
  applyDecorators(
    IsString(),
    Matches(/\S/, { message: '$property must not be blank' }),
    MaxLength(MAX_TEXT_LENGTH, { message: `$property must be at most ${MAX_TEXT_LENGTH} characters` }),
  );

export const IsOptionalText = () => applyDecorators(IsOptional(), IsText());

/** Room for a UUID and a prefix of the client's, not for prose. */
export const MAX_COMMAND_ID_LENGTH = 64;

export const COMMAND_ID_DESCRIPTION =
  `Makes a retry safe: a command whose commandId is already in the participant's stream is not recorded again. An opaque token of the client's choosing (a UUID will do): 1 to ${MAX_COMMAND_ID_LENGTH} letters, digits, '-' or '_'. Kept only as a keyed hash.`;

/** A commandId, when given: an opaque token, never a place for words about the participant. */
export const IsOptionalCommandId = () =>
  applyDecorators(
    IsOptional(),
    IsString(),
    Matches(new RegExp(`^[A-Za-z0-9_-]{1,${MAX_COMMAND_ID_LENGTH}}$`), {
      message: `$property must be an opaque token of 1 to ${MAX_COMMAND_ID_LENGTH} letters, digits, '-' or '_' (a UUID will do)`,
    }),
  );

export const IsNaceSection = () =>
  Matches(NACE_SECTION, { message: '$property must be a NACE Rev. 2 section letter from A to U' });
