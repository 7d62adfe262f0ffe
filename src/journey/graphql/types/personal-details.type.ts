import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PersonalDetails')
export class PersonalDetailsType {
  @Field() fullName!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
}
