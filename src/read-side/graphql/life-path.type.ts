import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { EducationLevel, Gender, MilestoneKind, OutcomeClass } from '../../graphql/register-enums';
import type * as v from '../../journey/domain/vocabulary';
import type { LifePath } from '../../life-paths/anonymise-release';
import type { LifePathStep } from '../../life-paths/life-path-record';
import type { LifePathFilter } from '../../life-paths/release-filter';
import type { LifePathPage } from '../life-paths/life-path-page';
import { PageInfoType } from './participant-case-connection.type';

@ObjectType('LifePathStep')
export class LifePathStepType implements LifePathStep {
  @Field(() => Int, { description: 'Whole months since entry into the programme (0 = month of entry).' }) month!: number;
  @Field(() => MilestoneKind) kind!: v.MilestoneKind;
  @Field(() => String, {
    nullable: true,
    description: 'A coded detail (activity kind, contract type, exit reason...). Never free text, never a date.',
  })
  detail!: string | null;
}

@ObjectType('LifePath')
export class LifePathType implements LifePath {
  @Field(() => ID, { description: 'Keyed hash of the participant id; stable within one deployment, never the id itself.' })
  pseudonym!: string;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) programme!: string | null;
  @Field({ description: "'2007-Q2', or '2007' once generalised." }) entryPeriod!: string;
  @Field({ description: "'50-54', or '50-59' once generalised." }) ageBand!: string;
  @Field(() => Gender, { nullable: true }) gender!: v.Gender | null;
  @Field(() => EducationLevel, { nullable: true }) educationLevel!: v.EducationLevel | null;
  @Field(() => String, { nullable: true }) sectorGroup!: string | null;
  @Field(() => OutcomeClass, { nullable: true }) outcome!: v.OutcomeClass | null;
  @Field(() => [LifePathStepType]) steps!: LifePathStepType[];
}

@ObjectType('LifePathEdge')
export class LifePathEdgeType {
  @Field() cursor!: string;
  @Field(() => LifePathType) node!: LifePathType;
}

@ObjectType('LifePathConnection')
export class LifePathConnectionType implements LifePathPage {
  @Field(() => [LifePathEdgeType]) edges!: LifePathEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
  @Field(() => Int, { description: 'Life paths withheld because no generalisation made them k-anonymous.' })
  suppressedCount!: number;
  @Field(() => Int) k!: number;
}

/** Selects on released values: a value generalised away (null) matches no filter on it. */
@InputType('LifePathFilter')
export class LifePathFilterInput implements LifePathFilter {
  // GraphQL checks the types; @IsOptional makes the class known to the validation pipe, which
  // refuses objects of classes it has no rule for.
  @Field(() => String, { nullable: true }) @IsOptional() city?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() programme?: string | null;
  @Field(() => OutcomeClass, { nullable: true }) @IsOptional() outcome?: v.OutcomeClass | null;
  @Field(() => Int, { nullable: true }) @IsOptional() entryYear?: number | null;
}
