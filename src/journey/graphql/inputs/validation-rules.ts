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

export const IsNaceSection = () =>
  Matches(NACE_SECTION, { message: '$property must be a NACE Rev. 2 section letter from A to U' });
