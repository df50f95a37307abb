import type { DemoUser } from './demo-users';

export interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * The GraphQL API as another client uses it (bearer token), for a test's setup and for checking
 * what a screen saved: the screens themselves are driven only through the browser.
 */
export class ApiClient {
  private constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  static async login(url: string, user: DemoUser): Promise<ApiClient> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
        variables: { u: user.username, p: user.password },
      }),
    });
    const body = (await res.json()) as GraphQLBody<{ login: { accessToken: string } }>;
    if (!body.data) throw new Error(`login of ${user.username} failed: ${JSON.stringify(body.errors)}`);
    return new ApiClient(url, body.data.login.accessToken);
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLBody<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLBody<T>;
  }

  /** The data, or the test fails with the API's errors. */
  async ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = await this.request<T>(query, variables);
    if (!body.data || body.errors?.length) throw new Error(`GraphQL request failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }
}

/** The planning office opens the second half of 2020, as it does before collecting. */
export async function openSecondHalf2020(office: ApiClient): Promise<void> {
  await office.ok('mutation { openReportingPeriod(edition: "2020-2022", cutoffDate: "2020-12-31") { state } }');
}
