import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { DATE_TIME_SCALARS } from '@dup/graphql-kit';
import { PLAN_READ_RESOLVERS } from '@dup/plan-read';
import { AUTH_RESOLVERS } from '@dup/auth';
import { PLAN_SIGNALS_RESOLVERS } from '@dup/plan-signals';
import { AUDIT_RESOLVERS } from '@dup/audit';
import { PLAN_WRITE_RESOLVERS } from '@dup/plan-write';
import { REPORTING_RESOLVERS } from '@dup/reporting-delivery';
import { SPENDING_EXTRACT_RESOLVERS } from '@dup/spending-extract';

/** The SDL of the API as the code defines it, sorted like the served schema. */
export async function buildSchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    const schema = await app.get(GraphQLSchemaFactory).create([...PLAN_READ_RESOLVERS, ...AUTH_RESOLVERS, ...PLAN_WRITE_RESOLVERS, ...AUDIT_RESOLVERS, ...PLAN_SIGNALS_RESOLVERS, ...REPORTING_RESOLVERS, ...SPENDING_EXTRACT_RESOLVERS], { scalarsMap: DATE_TIME_SCALARS });
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}
