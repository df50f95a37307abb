import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  getNamedType,
  getVariableValues,
  GraphQLID,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { DomainError, UUID_PATTERN } from './domain-error';

/**
 * Argument values PostgreSQL would refuse, refused first with BAD_USER_INPUT and the argument's
 * name: text holding a NUL character (no PostgreSQL text can), and IDs that are not UUIDs. Runs
 * once the operation is validated, before any resolver; values of the wrong type are left to
 * graphql-js, which reports them itself.
 */
export function inputValuesPlugin(options: { schema: () => GraphQLSchema }): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (operation) checkArgumentValues(options.schema(), document, operation, request.variables ?? {});
        },
      };
    },
  };
}

export function checkArgumentValues(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if ('errors' in coerced && coerced.errors) return;
  const typeInfo = new TypeInfo(schema);
  // Fragments are visited on their own: the operation's visit does not descend into spreads.
  for (const definition of [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)]) {
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          const argument = typeInfo.getArgument();
          if (!argument) return;
          const value = valueFromAST(node.value, argument.type, coerced.coerced);
          checkValue(argument.type, value, node.name.value);
        },
      }),
    );
  }
}

function checkValue(type: GraphQLInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(type.ofType, value, path);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item) => checkValue(type.ofType, item, path));
    return;
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) checkValue(field.type, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`);
    return;
  }
  if (typeof value !== 'string') return;
  if (value.includes('\u0000')) {
    throw new DomainError('BAD_USER_INPUT', `Il valore di "${path}" contiene un carattere non ammesso (NUL, codice 0).`, { field: path });
  }
  if (getNamedType(type) === GraphQLID && !UUID_PATTERN.test(value)) {
    throw new DomainError('BAD_USER_INPUT', `Il valore di "${path}" non è un identificativo valido: usare l'"id" restituito dal servizio.`, { field: path });
  }
}
