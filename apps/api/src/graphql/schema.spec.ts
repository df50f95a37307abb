import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { buildSchemaSdl } from './print-schema';

const COMMITTED = join(__dirname, '../../schema.gql');

describe('committed GraphQL schema (apps/api/schema.gql)', () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = await buildSchemaSdl();
  });

  it('is exactly what the code defines (run `npm run schema:print` after changing the API)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(sdl);
  });

  it('documents every type, field, argument and enum value', () => {
    const schema = buildSchema(sdl);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      // Root operation types cannot carry a description in code-first NestJS.
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type) && type.getValues().length === 0) missing.push(`${type.name} (no values)`);
      // Value descriptions are the Italian labels the web application shows.
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      if (isScalarType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
