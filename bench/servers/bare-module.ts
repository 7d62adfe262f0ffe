// What both bare servers (bench/servers/bare-server.ts on Express, bare-fastify-server.ts on
// Fastify) serve: NestJS + Apollo as the service sets them up, with mutations that do nothing.
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { Args, Field, GraphQLModule, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Subscription } from '@nestjs/graphql';
import { PubSub } from 'graphql-subscriptions';

@InputType()
class NothingInput {
  @Field(() => ID)
  participantId!: string;
  @Field()
  occurredOn!: string;
  @Field()
  mode!: string;
  @Field(() => Int)
  durationMinutes!: number;
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType()
class Nothing {
  @Field(() => ID)
  id!: string;
  @Field(() => Int)
  version!: number;
}

@ObjectType()
class Tick {
  @Field(() => Int)
  sequence!: number;
  /** When the mutation published it (ISO-8601), as the service's updatedAt is when its event was recorded. */
  @Field()
  updatedAt!: string;
}

@Resolver()
class NothingResolver {
  private readonly pubSub = new PubSub<{ ticked: { ticked: Tick } }>();
  private ticks = 0;

  @Query(() => Boolean)
  ok(): boolean {
    return true;
  }

  @Mutation(() => Nothing, { description: 'Takes a coaching session and records nothing.' })
  recordNothing(@Args('input') input: NothingInput): Nothing {
    return { id: input.participantId, version: 0 };
  }

  @Mutation(() => Int, { description: 'Pushes one tick to the subscribers.' })
  tick(): number {
    const tick = { sequence: ++this.ticks, updatedAt: new Date().toISOString() };
    void this.pubSub.publish('ticked', { ticked: tick });
    return tick.sequence;
  }

  @Subscription(() => Tick)
  ticked(): AsyncIterableIterator<{ ticked: Tick }> {
    return this.pubSub.asyncIterableIterator('ticked');
  }
}

/** The bare app: code-first schema, graphql-ws, production settings as the service's. */
@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      path: '/graphql',
      autoSchemaFile: true,
      sortSchema: true,
      introspection: process.env.NODE_ENV !== 'production',
      graphiql: process.env.NODE_ENV !== 'production',
      includeStacktraceInErrorResponses: false,
      subscriptions: { 'graphql-ws': true },
    }),
  ],
  providers: [NothingResolver],
})
export class BareModule {}
