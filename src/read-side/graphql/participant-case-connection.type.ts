import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ParticipantCaseType } from '../../journey/graphql/types/participant-case.type';

@ObjectType('PageInfo')
export class PageInfoType {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('ParticipantCaseEdge')
export class ParticipantCaseEdgeType {
  @Field() cursor!: string;
  @Field(() => ParticipantCaseType) node!: ParticipantCaseType;
}

/** What clients read; the resolver answers a CasePage, whose cases' personal data is opened field by field. */
@ObjectType('ParticipantCaseConnection')
export class ParticipantCaseConnectionType {
  @Field(() => [ParticipantCaseEdgeType]) edges!: ParticipantCaseEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}
