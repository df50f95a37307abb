import type { DemoUser } from './demo-users';

export type GraphqlCall = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * A GraphQL client logged in as a demo user with a bearer token, as an API client would be: the
 * tests use it to prepare what another person did (not what the tested person does in the browser).
 */
export async function apiAs(baseUrl: string, user: DemoUser): Promise<GraphqlCall> {
  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data!;
  };
  const login = (await post('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', {
    u: user.username,
    p: user.password,
  })) as { login: { accessToken: string } };
  const token = login.login.accessToken;
  return async <T>(query: string, variables: Record<string, unknown> = {}) => (await post(query, variables, token)) as T;
}
