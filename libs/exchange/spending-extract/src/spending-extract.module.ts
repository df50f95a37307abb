import { type DynamicModule, Module } from '@nestjs/common';
import { SpendingVersionsResolver } from './graphql/spending-versions.resolver';
import { SPENDING_JWT_SECRET, SpendingImportController } from './http/spending-import.controller';

/** Every resolver of the spending extracts, also used to print the committed schema. */
export const SPENDING_EXTRACT_RESOLVERS = [SpendingVersionsResolver];

/** Spending extracts: upload and template over HTTP, their versions in GraphQL. */
@Module({})
export class SpendingExtractModule {
  static forRoot(options: { jwtSecret: string }): DynamicModule {
    return {
      module: SpendingExtractModule,
      controllers: [SpendingImportController],
      providers: [...SPENDING_EXTRACT_RESOLVERS, { provide: SPENDING_JWT_SECRET, useValue: options.jwtSecret }],
    };
  }
}
