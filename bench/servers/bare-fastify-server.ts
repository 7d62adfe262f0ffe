// The baseline of the HTTP and subscription figures: NestJS + Apollo on Nest's Fastify adapter
// (Apollo through @as-integrations/fastify), as the service runs, with mutations that do nothing
// (bench/servers/bare-module.ts). Started like the service (bench/processes.ts), it prints the
// same line once it listens.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { BareModule } from './bare-module';

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), { abortOnError: false });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
  new Logger('Bare Fastify server').log(`GraphQL API at ${await app.getUrl()}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
