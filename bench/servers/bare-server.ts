// The baseline of the HTTP and subscription figures: NestJS + Apollo as the service sets them up
// (Express, code-first schema, graphql-ws), with mutations that do nothing. Started like the
// service (bench/processes.ts), it prints the same line once it listens.
import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { abortOnError: false });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
  new Logger('Bare server').log(`GraphQL API at ${await app.getUrl()}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
