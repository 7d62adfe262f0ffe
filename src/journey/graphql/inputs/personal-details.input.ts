import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, Matches } from 'class-validator';
import { IsText } from './validation-rules';

@InputType()
export class PersonalDetailsInput {
  @Field() @IsText() fullName!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, { message: 'email must be an email address' }) email?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ().-]{2,29}$/, { message: 'phone must be a phone number of digits, spaces, dots, dashes or brackets' })
  phone?: string | null;
}
