import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EditionPeriodPicker } from '../../components/EditionPeriodPicker';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { StateBadge } from '../../components/StateBadge';
import { useEditionPeriod } from '../../components/useEditionPeriod';
import { formatDate, formatInteger, formatPercent } from '../../lib/format';
import { countGoals, filterPlan, type OperationalObjective } from './plan-filter';
import { PlanTreeQuery } from './plan-queries';

/** Piano: the whole plan of an edition, searchable, with each goal's state at a period. */
export default function PlanPage() {
  const { editions, edition, period, fetching, error, choose } = useEditionPeriod();
  const [params] = useSearchParams();
  // A link may open the plan on a search (?cerca=7.01.01: the goal page's path links back this way).
  const [search, setSearch] = useState(() => params.get('cerca') ?? '');
  const deferredSearch = useDeferredValue(search);
  const [tree] = useQuery({
    query: PlanTreeQuery,
    variables: { edition: edition?.code ?? '', period: period?.cutoffDate ?? null },
    pause: !edition,
  });
  const plan = tree.data?.planEditions[0];
  const lines = useMemo(() => filterPlan(plan?.mandateLines ?? [], deferredSearch), [plan, deferredSearch]);
  const searching = deferredSearch.trim() !== '';

  return (
    <>
      <PageHeading title="Piano">Linee di mandato, obiettivi strategici e operativi, finalità e indicatori del DUP.</PageHeading>
      <ErrorAlert error={error ?? tree.error} />
      {fetching ? <Loading /> : null}
      {edition ? <EditionPeriodPicker editions={editions} edition={edition} period={period} onChange={choose} idPrefix="piano" /> : null}
      {plan ? (
        <>
          <p>
            {edition?.title}
            {period ? ` — consistenza al ${formatDate(period.cutoffDate)}` : ''}: {formatInteger(plan.summary.mandateLines)} linee di mandato,{' '}
            {formatInteger(plan.summary.strategicObjectives)} obiettivi strategici, {formatInteger(plan.summary.operationalObjectives)} obiettivi operativi,{' '}
            {formatInteger(plan.summary.goals)} finalità, {formatInteger(plan.summary.indicators)} indicatori.
          </p>
          <div className="form-group" role="search">
            <label htmlFor="cerca-piano" className="active">
              Cerca nel piano
            </label>
            <input
              id="cerca-piano"
              type="search"
              className="form-control"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              aria-describedby="cerca-piano-esito"
            />
            <small id="cerca-piano-esito" className="form-text" aria-live="polite">
              {searching
                ? `${formatInteger(countGoals(lines))} finalità trovate.`
                : 'Codice, titolo, settore o responsabile (es. 7.01.01, mobilità, Ambiente).'}
            </small>
          </div>
          {lines.length === 0 ? <p>Nessun elemento del piano corrisponde alla ricerca.</p> : null}
          {lines.map((line) => (
            <section key={line.number} className="mb-4" aria-labelledby={`linea-${line.number}`}>
              <h2 id={`linea-${line.number}`} className="h4 mt-4">
                Linea {line.number} — {line.title}
              </h2>
              {line.strategicObjectives.map((so) => (
                <details key={so.id} className="plan-so mb-2" open={searching}>
                  <summary className="fw-semibold">
                    <span className="plan-code">{so.code}</span> {so.title}
                    {so.missions.length ? <span className="text-muted fw-normal"> · Missioni {so.missions.map((m) => m.code).join(', ')}</span> : null}
                    <AmendmentNote amendment={so.introducedBy} />
                  </summary>
                  <div className="ps-3 pt-2">
                    {so.operationalObjectives.map((op) => (
                      <ObjectiveBlock key={op.id} objective={op} open={searching} periodLabel={period ? formatDate(period.cutoffDate) : null} />
                    ))}
                  </div>
                </details>
              ))}
            </section>
          ))}
        </>
      ) : tree.fetching ? (
        <Loading label="Caricamento del piano…" />
      ) : null}
    </>
  );
}

function ObjectiveBlock({ objective, open, periodLabel }: { objective: OperationalObjective; open: boolean; periodLabel: string | null }) {
  return (
    <details className="plan-op mb-2" open={open}>
      <summary>
        <span className="plan-code">{objective.code}</span> {objective.title}
        <AmendmentNote amendment={objective.introducedBy} />
      </summary>
      <div className="ps-3 pt-2">
        <p className="small mb-2">
          Responsabile: {objective.ownerLabel} · {objective.goals.length} finalità · {objective.indicators.length} indicatori
        </p>
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">Finalità dell'obiettivo {objective.code}</caption>
            <thead>
              <tr>
                <th scope="col">N.</th>
                <th scope="col">Finalità</th>
                <th scope="col">Capofila</th>
                <th scope="col">{periodLabel ? `Stato al ${periodLabel}` : 'Stato'}</th>
              </tr>
            </thead>
            <tbody>
              {objective.goals.map((goal) => {
                const status = goal.statuses[0];
                const lead = goal.departments.find((d) => d.reportingLead);
                return (
                  <tr key={goal.id}>
                    <td>{goal.position}</td>
                    <td>
                      <Link to={`/piano/finalita/${goal.id}`}>{goal.title}</Link>
                    </td>
                    <td>{lead ? (lead.department?.name ?? lead.printedName) : '—'}</td>
                    <td>
                      <StateBadge state={status?.declaredState} reported={Boolean(status)} />
                      {status?.percentComplete ? <span className="ms-2">{formatPercent(status.percentComplete)}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}

/** Objectives added by a mid-year amendment say so (they are not counted before it takes effect). */
function AmendmentNote({ amendment }: { amendment: { effectiveDate: string; act: { number: string; date: string } } | null }) {
  if (!amendment) return null;
  return (
    <span className="badge bg-light text-dark border ms-2 fw-normal">
      Variazione in vigore dal {formatDate(amendment.effectiveDate)} (atto n. {amendment.act.number} del {formatDate(amendment.act.date)})
    </span>
  );
}
