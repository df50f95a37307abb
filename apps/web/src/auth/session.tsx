import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { createGraphqlClient, csrfToken, type SessionEnd } from '../graphql/client';
import { problemsOf } from '../graphql/errors';

export const MeQuery = graphql(`
  query Me {
    me {
      userId
      username
      displayName
      role
      readOnly
      departmentIds
      departments {
        code
        name
      }
      ente {
        name
        istatCode
      }
      mustChangePassword
    }
  }
`);

const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      expiresAt
      viewer {
        userId
      }
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export interface SessionUser {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  readOnly: boolean;
  departmentIds: string[];
  /** The departments a department head answers for, by name. */
  departments: { code: string; name: string }[];
  ente: { name: string; istatCode: string };
  /** The administrator reset the password: the app asks for a new one before anything else. */
  mustChangePassword: boolean;
}

type State = { status: 'loading' } | { status: 'anonymous'; notice?: string } | { status: 'authenticated'; user: SessionUser };

interface SessionApi {
  state: State;
  /** Logs in; resolves to an Italian error message, or null on success. */
  login(username: string, password: string): Promise<string | null>;
  logout(): Promise<void>;
  /** Reads `me` again (after the user changed something about themselves, e.g. the password). */
  refresh(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

const ENDED_NOTICES: Partial<Record<SessionEnd, string>> = {
  SESSION_EXPIRED: 'La sessione è scaduta: accedere di nuovo per continuare.',
  SESSION_ENDED: 'La sessione è stata chiusa (uscita da un altro dispositivo o cambio della password): accedere di nuovo.',
  USER_INACTIVE: "L'utente è stato disattivato: rivolgersi all'amministratore.",
  CSRF_TOKEN_INVALID: 'La sessione non è più valida in questa pagina: accedere di nuovo.',
};

/** Sessions that the API declared over, from any request of the app. */
const sessionEnds = new EventTarget();
const newClient = () =>
  createGraphqlClient((reason, message) => sessionEnds.dispatchEvent(new CustomEvent('ended', { detail: ENDED_NOTICES[reason] ?? message })));
const SESSION_CHECK = { sessionCheck: true };

/**
 * Who is logged in, for the whole app. The session itself lives in an httpOnly cookie set by the
 * API; the app asks `me` and reacts when the API says the session is over. Each session gets a
 * fresh GraphQL client, so nothing one user read is ever shown to the next one on this browser.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [client, setClient] = useState(newClient);
  const [notice, setNotice] = useState<string | undefined>();
  useEffect(() => {
    const onEnded = (event: Event) => {
      setNotice((event as CustomEvent<string>).detail);
      setClient(newClient());
    };
    sessionEnds.addEventListener('ended', onEnded);
    return () => sessionEnds.removeEventListener('ended', onEnded);
  }, []);

  const api = useMemo(
    () => ({
      async login(username: string, password: string) {
        const result = await client.mutation(LoginMutation, { username, password }).toPromise();
        if (!result.data?.login) return problemsOf(result.error)[0]?.message ?? 'Accesso non riuscito.';
        setNotice(undefined);
        setClient(newClient());
        return null;
      },
      async logout() {
        await client.mutation(LogoutMutation, {}).toPromise();
        setNotice('Uscita effettuata.');
        setClient(newClient());
      },
    }),
    [client],
  );

  return (
    <UrqlProvider value={client}>
      <SessionState notice={notice} login={api.login} logout={api.logout}>
        {children}
      </SessionState>
    </UrqlProvider>
  );
}

function SessionState({ children, notice, login, logout }: { children: ReactNode; notice?: string } & Omit<SessionApi, 'state' | 'refresh'>) {
  // Without the session's CSRF cookie there is no session: the login page shows at once, with no
  // round trip (the cookie itself is httpOnly and cannot be read).
  const hasSession = csrfToken() !== undefined;
  const [me, reexecute] = useQuery({ query: MeQuery, requestPolicy: 'network-only', context: SESSION_CHECK, pause: !hasSession });
  const state = useMemo<State>(() => {
    if (!hasSession) return { status: 'anonymous', notice };
    if (me.data?.me) return { status: 'authenticated', user: me.data.me };
    if (!me.error) return { status: 'loading' };
    const problem = problemsOf(me.error)[0];
    const reason = problem?.extensions['reason'] as SessionEnd | undefined;
    // A visitor without a session just sees the login page; an expired one is told why.
    const own = reason ? ENDED_NOTICES[reason] : problem?.code === 'NETWORK_ERROR' ? problem.message : undefined;
    return { status: 'anonymous', notice: own ?? notice };
  }, [me, notice, hasSession]);
  const value = useMemo(() => ({ state, login, logout, refresh: () => reexecute({ requestPolicy: 'network-only' }) }), [state, login, logout, reexecute]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/** The logged-in user; only for screens behind RequireAuth. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useUser without a session');
  return state.user;
}
