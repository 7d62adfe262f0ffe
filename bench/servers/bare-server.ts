// The same bare app as bench/servers/bare-fastify-server.ts on Nest's Express adapter, which the
// service ran on until 2026-11-28: reported beside the baseline, to tell what the adapter alone
// costs. Started like the service (bench/processes.ts), it prints the same line once it listens.
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
