import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ParticipantCaseType } from '../../journey/graphql/types/participant-case.type';
import type { CasePage } from '../cases/case-files.reader';

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

@ObjectType('ParticipantCaseConnection')
export class ParticipantCaseConnectionType implements CasePage {
  @Field(() => [ParticipantCaseEdgeType]) edges!: ParticipantCaseEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}
