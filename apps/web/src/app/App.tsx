import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { SessionProvider } from '../auth/session';
import { Loading } from '../components/Feedback';
import { PageHeading } from '../components/PageHeading';
import { HomePage } from '../screens/home/HomePage';
import { LoginPage } from '../screens/login/LoginPage';
import { NAVIGATION } from './navigation';
import { RequireAuth } from './RequireAuth';
import type { Role } from '../gql/graphql';

// Every screen but the first two is loaded when first opened: the first screen stays small.
const MyGoalsPage = lazy(() => import('../screens/goals/MyGoalsPage'));
const GoalFormPage = lazy(() => import('../screens/goals/GoalFormPage'));
const SubmitPage = lazy(() => import('../screens/submit/SubmitPage'));
const ReviewPage = lazy(() => import('../screens/review/ReviewPage'));
const PlanPage = lazy(() => import('../screens/plan/PlanPage'));
const PlanGoalPage = lazy(() => import('../screens/plan/PlanGoalPage'));
const DocumentsPage = lazy(() => import('../screens/documents/DocumentsPage'));
const AuditPage = lazy(() => import('../screens/audit/AuditPage'));
const UsersPage = lazy(() => import('../screens/users/UsersPage'));
const SpendingPage = lazy(() => import('../screens/spending/SpendingPage'));
const ProfilePage = lazy(() => import('../screens/account/ProfilePage').then((m) => ({ default: m.ProfilePage })));

const rolesOf = (path: string) => NAVIGATION.find((e) => e.path === path)?.roles;
/** The planning office fills any goal too (corrections during the review), without the menu entry. */
const DATA_ENTRY: readonly Role[] = ['DEPARTMENT_HEAD', 'PLANNING_OFFICE'];

function guarded(path: string, element: ReactNode, roles = rolesOf(path)) {
  return (
    <RequireAuth roles={roles}>
      <Suspense fallback={<Loading />}>{element}</Suspense>
    </RequireAuth>
  );
}

const router = createBrowserRouter([
  { path: '/accesso', element: <LoginPage /> },
  { path: '/', element: guarded('/', <HomePage />) },
  { path: '/finalita', element: guarded('/finalita', <MyGoalsPage />, DATA_ENTRY) },
  { path: '/finalita/:goalId', element: guarded('/finalita', <GoalFormPage />, DATA_ENTRY) },
  { path: '/invio', element: guarded('/invio', <SubmitPage />) },
  { path: '/revisione', element: guarded('/revisione', <ReviewPage />) },
  { path: '/piano', element: guarded('/piano', <PlanPage />) },
  { path: '/piano/finalita/:goalId', element: guarded('/piano', <PlanGoalPage />) },
  { path: '/documenti', element: guarded('/documenti', <DocumentsPage />) },
  { path: '/registro', element: guarded('/registro', <AuditPage />) },
  { path: '/utenti', element: guarded('/utenti', <UsersPage />) },
  { path: '/spese', element: guarded('/spese', <SpendingPage />) },
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
