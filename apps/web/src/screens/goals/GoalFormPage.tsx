import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useUser } from '../../auth/session';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { Markdown } from '../../components/Markdown';
import { PageHeading } from '../../components/PageHeading';
import { useEditionPeriod } from '../../components/useEditionPeriod';
import { PeriodStateLabels } from '../../gql/enum-labels';
import { formatDate } from '../../lib/format';
import { COLLECTING } from '../../lib/periods';
import { ContributionForm } from './ContributionForm';
import { LeadReportForm } from './LeadReportForm';
import { deferralOptions, type FormGoal } from './goal-form-model';
import { GoalFormQuery } from './goal-form-queries';

/** The goal form: what the lead department reports for the period, or an involved department's contribution. */
export default function GoalFormPage() {
  const { goalId = '' } = useParams();
  const [params] = useSearchParams();
  const user = useUser();
  const { edition, period, fetching, error } = useEditionPeriod();
  const cutoff = period?.cutoffDate ?? '';
  const [data, refetch] = useQuery({ query: GoalFormQuery, variables: { id: goalId, period: cutoff }, pause: !cutoff, requestPolicy: 'network-only' });
  const goal = data.data?.goal;

  if (fetching || (data.fetching && !data.data)) return <Loading label="Caricamento della finalità…" />;
  if (error || data.error || !goal || !period || !edition) {
    return (
      <>
        <PageHeading title="Finalità" />
        <ErrorAlert error={error ?? data.error} />
        {!data.error && !goal && period ? <p>La finalità richiesta non esiste.</p> : null}
        {!period ? <p>Nessun periodo di rendicontazione per questa edizione.</p> : null}
        <Link to="/finalita">Torna alle finalità</Link>
      </>
    );
  }

  const relation = relationOf(
    goal,
    user.departments.map((d) => d.code),
    user.role === 'PLANNING_OFFICE',
    params.get('settore'),
  );
  const collecting = COLLECTING.includes(period.state);
  const objective = goal.operationalObjective;
  const lead = goal.departments.find((d) => d.reportingLead);

  return (
    <>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to="/finalita">Le mie finalità</Link>
            <span className="separator">/</span>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            {objective.code} · finalità {goal.position}
          </li>
        </ol>
      </nav>
      <PageHeading title={goal.title}>
        Obiettivo operativo {objective.code} — {objective.title}
      </PageHeading>
      <div className="row mb-3">
        <div className="col-12 col-lg-8">
          <details>
            <summary>Descrizione della finalità</summary>
            <Markdown source={goal.description || '—'} />
          </details>
        </div>
        <div className="col-12 col-lg-4 small">
          <p className="mb-1">
            <strong>Capofila:</strong> {lead ? (lead.department?.name ?? lead.printedName) : '—'}
          </p>
          <p className="mb-1">
            <strong>Settori coinvolti:</strong>{' '}
            {goal.departments
              .filter((d) => !d.reportingLead)
              .map((d) => d.department?.name ?? d.printedName)
              .join(', ') || 'nessuno'}
          </p>
          <p className="mb-1">
            <strong>Periodo:</strong> al {formatDate(period.cutoffDate)} ({PeriodStateLabels[period.state].toLowerCase()})
          </p>
        </div>
      </div>
      {!collecting ? (
        <div className="alert alert-info" role="status">
          La compilazione del periodo al {formatDate(period.cutoffDate)} è chiusa: la finalità è in sola lettura.
        </div>
      ) : null}
      {relation.kind === 'lead' ? (
        <LeadReportForm
          key={`${goal.id}-${period.cutoffDate}`}
          goal={goal}
          period={period.cutoffDate}
          deferrals={deferralOptions(period.cutoffDate, edition.endYear)}
          disabled={!collecting}
        />
      ) : relation.kind === 'involved' ? (
        <ContributionForm
          key={`${goal.id}-${period.cutoffDate}-${relation.department.code}`}
          goalId={goal.id}
          period={period.cutoffDate}
          department={relation.department}
          own={data.data?.goalContributions.find((c) => c.departmentCode === relation.department.code)}
          disabled={!collecting}
          onSaved={() => refetch({ requestPolicy: 'network-only' })}
        />
      ) : (
        <p>
          Il suo settore non è tra quelli della finalità: può consultarla nel <Link to={`/piano/finalita/${goal.id}`}>piano</Link>.
        </p>
      )}
    </>
  );
}

type Relation = { kind: 'lead' } | { kind: 'involved'; department: { code: string; name: string } } | { kind: 'none' };

/**
 * What the viewer does on this goal: the lead department (or the planning office) reports its
 * status; an involved department adds its contribution. The API enforces the same rules.
 */
function relationOf(goal: FormGoal, ownCodes: readonly string[], planningOffice: boolean, asked: string | null): Relation {
  const own = goal.departments.filter((d) => d.department && ownCodes.includes(d.department.code));
  if (planningOffice || own.some((d) => d.reportingLead)) {
    if (!asked || own.find((d) => d.department!.code === asked)?.reportingLead !== false) return { kind: 'lead' };
  }
  const involved = own.find((d) => !d.reportingLead && (!asked || d.department!.code === asked)) ?? own.find((d) => !d.reportingLead);
  return involved ? { kind: 'involved', department: { code: involved.department!.code, name: involved.department!.name } } : { kind: 'none' };
}
