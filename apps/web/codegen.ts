import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations from the committed schema (apps/api/schema.gql): every `graphql(...)`
 * document in src/ gets its result and variable types. Enum labels come from the schema's Italian
 * descriptions of each value, so the UI shows exactly what the API documents.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Decimal: 'string', LocalDate: 'string', DateTime: 'string', JSON: 'unknown' },
      },
      presetConfig: { fragmentMasking: false },
    },
    'apps/web/src/gql/enum-labels.ts': {
      plugins: ['apps/web/codegen/enum-labels.cjs'],
    },
  },
};

export default config;
