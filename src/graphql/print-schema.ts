import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

/** The schema the app serves, in the form committed as schema/schema.graphql. */
export const printServedSchema = (app: INestApplication): string =>
  `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
