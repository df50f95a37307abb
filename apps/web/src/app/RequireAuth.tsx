import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { Loading } from '../components/Feedback';
import { PageHeading } from '../components/PageHeading';
import type { Role } from '../gql/graphql';
import { AppLayout } from './AppLayout';

/** Screens behind the login; `roles` hides a screen the API would refuse anyway. */
export function RequireAuth({ children, roles }: { children: ReactNode; roles?: readonly Role[] }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading label="Verifica della sessione…" />;
  if (state.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/accesso' : `/accesso?dopo=${encodeURIComponent(next)}`} replace />;
  }
  // A password reset by the administrator: a new one before anything else, then back here.
  if (state.user.mustChangePassword && location.pathname !== '/profilo') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/profilo' : `/profilo?dopo=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !roles.includes(state.user.role)) {
    return (
      <AppLayout>
        <PageHeading title="Pagina non disponibile">Questa pagina non è prevista per il suo ruolo.</PageHeading>
      </AppLayout>
    );
  }
  return <AppLayout>{children}</AppLayout>;
}
