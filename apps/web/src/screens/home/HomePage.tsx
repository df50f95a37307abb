import { lazy, Suspense } from 'react';
import { useUser } from '../../auth/session';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { useEditionPeriod } from '../../components/useEditionPeriod';
import { latestPublished } from '../../lib/periods';
import { PeriodCard } from './PeriodCard';
import { Shortcuts } from './Shortcuts';

// The home page is part of the first screen's code: each role's panel is loaded only by that role.
const PlanningOfficeHome = lazy(() => import('./PlanningOfficeHome'));
const DepartmentHeadHome = lazy(() => import('./DepartmentHeadHome'));
const PeriodReopen = lazy(() => import('./PeriodReopen'));

/** Home: the current period and its state, and what the user's role has to do now. */
export function HomePage() {
  const user = useUser();
  const { edition, period, fetching, error } = useEditionPeriod();
  return (
    <>
      <PageHeading title="Home">Buongiorno, {user.displayName}.</PageHeading>
      <ErrorAlert error={error} />
      {fetching ? <Loading /> : null}
      {edition ? (
        <>
          <PeriodCard edition={edition} period={period} published={user.role === 'COUNCIL_MEMBER' ? latestPublished(edition.periods) : null} />
          <Suspense fallback={<Loading />}>
            {user.role === 'PLANNING_OFFICE' ? <PlanningOfficeHome edition={edition} period={period} /> : null}
            {user.role === 'DEPARTMENT_HEAD' ? <DepartmentHeadHome edition={edition} period={period} /> : null}
            {user.role === 'ADMIN' ? <PeriodReopen edition={edition} /> : null}
          </Suspense>
          {user.role === 'COUNCIL_MEMBER' || user.role === 'AUDITOR' || user.role === 'ADMIN' ? <Shortcuts role={user.role} /> : null}
        </>
      ) : null}
    </>
  );
}
