import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ProgrammeTargets')
export class ProgrammeTargetsType {
  @Field(() => Float, { nullable: true }) positiveExitRate!: number | null;
  @Field(() => Float, { nullable: true }) jobReturnRate!: number | null;
  @Field(() => Float, { nullable: true }) businessCreationRate!: number | null;
}

@ObjectType('Programme')
export class ProgrammeType {
  @Field(() => ID) code!: string;
  @Field({ description: 'Code of the city that runs the programme.' }) city!: string;
  @Field() name!: string;
  @Field(() => ProgrammeTargetsType) targets!: ProgrammeTargetsType;
}

@ObjectType('Partner')
export class PartnerType {
  @Field(() => ID) code!: string;
  @Field() name!: string;
}

@ObjectType('City')
export class CityType {
  @Field(() => ID) code!: string;
  @Field() name!: string;
  @Field({ description: 'ISO 3166-1 alpha-2 country code.' }) country!: string;
  @Field({ description: "IANA time zone of the city's business dates: what today is there, and when its dashboards' day turns." })
  timeZone!: string;
  @Field(() => Float) positiveExitTarget!: number;
  @Field(() => [ProgrammeType]) programmes!: ProgrammeType[];
  @Field(() => [PartnerType]) partners!: PartnerType[];
}
