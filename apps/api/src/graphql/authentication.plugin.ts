import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Kind, type SelectionSetNode } from 'graphql';
import type { AuthContext } from '@dup/auth';
import { DomainError } from '@dup/graphql-kit';

/** Top-level fields an anonymous request may select. */
const PUBLIC_FIELDS = new Set(['login', 'logout', '__typename']);

/**
 * Anonymous callers reach only `login`: every other operation is refused with UNAUTHENTICATED
 * before execution, in one place, so no resolver can forget the check. Credentials that were
 * sent but did not authenticate are reported as such, never downgraded to anonymous; a browser
 * session cookie that no longer authenticates is reported too, except to `login` and `logout`.
 */
export function authenticationPlugin(): ApolloServerPlugin<AuthContext & Record<string, unknown>> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<AuthContext & Record<string, unknown>>> {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.authError) throw contextValue.authError;
          if (contextValue.viewer || !operation) return;
          const publicOnly = onlyPublicFields(operation.selectionSet);
          if (contextValue.sessionProblem && !publicOnly) throw contextValue.sessionProblem;
          if (!publicOnly) {
            throw new DomainError('UNAUTHENTICATED', 'Accesso richiesto: effettuare il login o usare un token API.');
          }
        },
      };
    },
  };
}

function onlyPublicFields(set: SelectionSetNode): boolean {
  return set.selections.every((s) => (s.kind === Kind.FIELD ? PUBLIC_FIELDS.has(s.name.value) : s.kind === Kind.INLINE_FRAGMENT && onlyPublicFields(s.selectionSet)));
}
