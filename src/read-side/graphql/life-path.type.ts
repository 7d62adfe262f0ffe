import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { CalendarDateScalar } from '../../graphql/calendar-date.scalar';
import { EducationLevel, Gender, MilestoneKind, OutcomeClass } from '../../graphql/register-enums';
import type * as v from '../../journey/domain/vocabulary';
import type { LifePath } from '../../life-paths/anonymise-release';
import type { GeneralisationLevels } from '../../life-paths/generalisation-lattice';
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
  @Field(() => ID, { description: 'Keyed hash of the participant id, under a key of its snapshot: the same within a snapshot, unrelated across snapshots; never the id itself.' })
  pseudonym!: string;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) programme!: string | null;
  @Field({ description: "'2007-Q2', or once generalised '2007' or '*' (any period): see LifePathConnection.levels." }) entryPeriod!: string;
  @Field({ description: "'50-54', or once generalised '50-59' or '*' (any age): see LifePathConnection.levels." }) ageBand!: string;
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

@ObjectType('GeneralisationLevels', { description: "The node of the generalisation lattice the release uses: one level per generalisable quasi-identifier (city is never generalised)." })
export class GeneralisationLevelsType implements GeneralisationLevels {
  @Field({ description: 'KEPT, or NONE (programme null on every path).' }) programme!: string;
  @Field({ description: 'KEPT, or NONE (educationLevel null on every path).' }) educationLevel!: string;
  @Field({ description: 'KEPT, or NONE (gender null on every path).' }) gender!: string;
  @Field({ description: "GROUP (NACE sections grouped as Eurostat's A*10), or NONE (sectorGroup null on every path)." }) sectorGroup!: string;
  @Field({ description: "QUARTER ('2007-Q2'), YEAR ('2007') or ANY ('*')." }) entryPeriod!: string;
  @Field({ description: "FIVE_YEARS ('50-54'), TEN_YEARS ('50-59') or ANY ('*')." }) ageBand!: string;
}

@ObjectType('LifePathConnection')
export class LifePathConnectionType implements LifePathPage {
  @Field(() => [LifePathEdgeType]) edges!: LifePathEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
  @Field(() => Int, {
    description:
      "Life paths withheld because the chosen generalisation left them in a class smaller than k: of the whole release, or of a coordinator's own city.",
  })
  suppressedCount!: number;
  @Field(() => Int, { description: 'Every released combination of quasi-identifiers is shared by at least k paths of the whole release.' })
  k!: number;
  @Field(() => CalendarDateScalar, {
    nullable: true,
    description:
      'The snapshot released: the journeys as recorded by the end of this day, the last of the last closed month (closed once an event of a later month is recorded). The same answer until the next month closes; pseudonyms differ from one snapshot to the next. Null, with no paths, before any month is closed.',
  })
  releasedAsOf!: string | null;
  @Field(() => GeneralisationLevelsType, { description: 'How far each quasi-identifier is generalised, the same on every path.' })
  levels!: GeneralisationLevelsType;
  @Field(() => String, {
    description: "The information-loss metric the levels minimise: GENERALISED_INFORMATION_LOSS (Iyengar 2002; ARX's \"Loss\").",
  })
  lossMetric!: LifePathPage['lossMetric'];
  @Field(() => Float, { description: 'The release\'s information loss under lossMetric, suppressed paths included: 0 = nothing generalised, 1 = nothing left.' })
  loss!: number;
  @Field(() => Float, { description: 'Share of the released paths that show their programme, from 0 to 1.' })
  programmeKeptShare!: number;
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
