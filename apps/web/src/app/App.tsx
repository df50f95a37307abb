import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { SessionProvider } from '../auth/session';
import { Loading } from '../components/Feedback';
import { PageHeading } from '../components/PageHeading';
import { HomePage } from '../screens/home/HomePage';
import { LoginPage } from '../screens/login/LoginPage';
import { NAVIGATION } from './navigation';
import { RequireAuth } from './RequireAuth';

// Every screen but the first two is loaded when first opened: the first screen stays small.
const ReviewPage = lazy(() => import('../screens/review/ReviewPage'));
const PlanPage = lazy(() => import('../screens/plan/PlanPage'));
const ProfilePage = lazy(() => import('../screens/account/ProfilePage').then((m) => ({ default: m.ProfilePage })));

const rolesOf = (path: string) => NAVIGATION.find((e) => e.path === path)?.roles;

function guarded(path: string, element: ReactNode) {
  return (
    <RequireAuth roles={rolesOf(path)}>
      <Suspense fallback={<Loading />}>{element}</Suspense>
    </RequireAuth>
  );
}

const router = createBrowserRouter([
  { path: '/accesso', element: <LoginPage /> },
  { path: '/', element: guarded('/', <HomePage />) },
  { path: '/revisione', element: guarded('/revisione', <ReviewPage />) },
  { path: '/piano', element: guarded('/piano', <PlanPage />) },
  { path: '/profilo', element: guarded('/profilo', <ProfilePage />) },
  {
    path: '*',
    element: guarded('*', <PageHeading title="Pagina non trovata">L'indirizzo non corrisponde a nessuna pagina di DUP Monitor.</PageHeading>),
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
