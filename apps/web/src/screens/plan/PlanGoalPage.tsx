import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useUser } from '../../auth/session';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { Markdown } from '../../components/Markdown';
import { PageHeading } from '../../components/PageHeading';
import { StateBadge } from '../../components/StateBadge';
import type { PlanGoalQuery as GoalResult, Role } from '../../gql/graphql';
import { formatDate, formatDateTime, formatPercent } from '../../lib/format';
import { currentPeriod, PUBLISHED } from '../../lib/periods';
import { GoalHistory } from './GoalHistory';
import { GoalIndicators } from './GoalIndicators';
import { PlanGoalQuery } from './goal-queries';
import { EditionsQuery } from './plan-queries';

type Goal = NonNullable<GoalResult['goal']>;

/** Who may read a goal's status history (docs/authorization.md): not council members nor administrators. */
function mayReadHistory(role: Role, departmentIds: readonly string[], goal: Goal): boolean {
  if (role === 'PLANNING_OFFICE' || role === 'AUDITOR') return true;
  return role === 'DEPARTMENT_HEAD' && goal.departments.some((d) => d.department && departmentIds.includes(d.department.id));
}

/** A goal of the plan for every role: where it sits, who works on it, its statuses and indicators. */
export default function PlanGoalPage() {
  const { goalId = '' } = useParams();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [result] = useQuery({ query: PlanGoalQuery, variables: { id: goalId } });
  // The periods, as every screen reads them: usually already in the app's cache.
  const [editions] = useQuery({ query: EditionsQuery, requestPolicy: 'cache-first' });
  const goal = result.data?.goal;

  if (result.error) {
    return (
      <>
        <PageHeading title="Finalità non trovata" />
        <ErrorAlert error={result.error} />
        <Link to="/piano">Torna al piano</Link>
      </>
    );
  }
  if (!goal) return <Loading label="Caricamento della finalità…" />;

  const objective = goal.operationalObjective;
  const strategic = objective.strategicObjective;
  const edition = result.data?.planEditions.find((e) => e.mandateLines.some((l) => l.strategicObjectives.some((s) => s.id === strategic.id)));
  const line = edition?.mandateLines.find((l) => l.number === strategic.lineNumber);
  const editionFull = editions.data?.planEditions.find((e) => e.code === edition?.code);
  const periods = editionFull?.periods ?? [];
  const period = periods.find((p) => p.cutoffDate === params.get('periodo')) ?? currentPeriod(periods);
  const council = user.role === 'COUNCIL_MEMBER';
  const hiddenPeriods = council ? periods.filter((p) => !PUBLISHED.includes(p.state)) : [];
  const planLink = (search: string) =>
    `/piano?${new URLSearchParams({ ...(edition ? { edizione: edition.code } : {}), ...(search ? { cerca: search } : {}) })}`;
  // Each step links back to the plan, opened on a search for that step.
  const crumbs = [
    { to: planLink(''), label: 'Piano' },
    { to: planLink(`linea ${strategic.lineNumber}`), label: `Linea ${strategic.lineNumber}${line ? ` — ${line.title}` : ''}` },
    { to: planLink(strategic.code), label: `${strategic.code} ${strategic.title}` },
    { to: planLink(objective.code), label: `${objective.code} ${objective.title}` },
  ];

  return (
    <>
      <nav aria-label="Percorso nel piano" className="breadcrumb-container mb-2">
        <ol className="breadcrumb flex-wrap">
          {crumbs.map((crumb) => (
            <li className="breadcrumb-item" key={crumb.to}>
              <Link to={crumb.to}>{crumb.label}</Link>
              <span className="separator">/</span>
            </li>
          ))}
          <li className="breadcrumb-item active" aria-current="page">
            Finalità {goal.position}
          </li>
        </ol>
      </nav>
      <PageHeading title={goal.title} />
      <p className="text-muted">
        Finalità {goal.position} dell'obiettivo operativo {objective.code} · Responsabile politico: {objective.ownerLabel || '—'}
      </p>
      {goal.description.trim() ? <Markdown source={goal.description} className="text-narrow mb-4" /> : null}

      <section aria-labelledby="finalita-settori" className="mb-4">
        <h2 id="finalita-settori" className="h4">
          Settori
        </h2>
        <ul className="list-unstyled">
          {goal.departments.map((d, i) => (
            <li key={i} className="mb-1">
              <strong>{d.department?.name ?? d.allDepartmentsLabel ?? d.printedName}</strong>
              {d.lead ? (
                <span className="badge bg-primary ms-2">Capofila</span>
              ) : d.reportingLead ? (
                <span className="ms-2 text-muted">unico settore</span>
              ) : (
                <span className="ms-2 text-muted">coinvolto</span>
              )}
              {d.years.length ? <span className="ms-2">· anni {d.years.join(', ')}</span> : null}
              {d.note ? <span className="ms-2 text-muted">· {d.note}</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="finalita-stati" className="mb-4">
        <h2 id="finalita-stati" className="h4">
          Stato di attuazione
        </h2>
        {hiddenPeriods.length ? (
          <p className="small text-muted">
            Gli stati dei periodi di cui la Giunta non ha ancora preso atto ({hiddenPeriods.map((p) => formatDate(p.cutoffDate)).join(', ')}) non sono
            consultabili dai consiglieri.
          </p>
        ) : null}
        {goal.statuses.length === 0 ? <p>Nessuno stato di attuazione consultabile.</p> : null}
        {[...goal.statuses].reverse().map((s) => (
          <article key={s.id} className="goal-status mb-3" aria-labelledby={`stato-${s.period}`}>
            <h3 id={`stato-${s.period}`} className="h5 d-flex flex-wrap align-items-center gap-2">
              <span>Al {formatDate(s.period)}</span>
              <StateBadge state={s.declaredState} reported />
              {s.percentComplete ? <span className="fw-normal">{formatPercent(s.percentComplete)} completata</span> : null}
            </h3>
            {s.deferredTo || s.deferralText ? (
              <p className="mb-1">
                <strong>Rinvio:</strong> {s.deferralText ?? ''}
                {s.deferredTo ? ` (rendicontazione rinviata al ${formatDate(s.deferredTo)})` : ''}
              </p>
            ) : null}
            {s.narrative.trim() ? <Markdown source={s.narrative} className="text-narrow" /> : <p className="text-muted">Nessuna narrazione.</p>}
            <p className="small text-muted mb-0">
              Riferimento: {s.asOfLabel} · ultima modifica di {s.author} il {formatDateTime(s.updatedAt)}
            </p>
          </article>
        ))}
      </section>

      <GoalIndicators goal={goal} />

      {mayReadHistory(user.role, user.departmentIds, goal) && editionFull && period ? (
        <GoalHistory
          goalId={goal.id}
          edition={editionFull}
          period={period}
          onPeriod={(p) => {
            const next = new URLSearchParams(params);
            next.set('periodo', p);
            setParams(next, { replace: true });
          }}
        />
      ) : null}
    </>
  );
}
