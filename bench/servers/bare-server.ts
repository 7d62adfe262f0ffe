// The baseline of the HTTP and subscription figures: NestJS + Apollo as the service sets them up
// (Express, code-first schema, graphql-ws), with mutations that do nothing. Started like the
// service (bench/processes.ts), it prints the same line once it listens.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BareModule } from './bare-module';

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
