import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useUser } from '../../auth/session';
import { EditionPeriodPicker } from '../../components/EditionPeriodPicker';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { StateBadge } from '../../components/StateBadge';
import { useEditionPeriod } from '../../components/useEditionPeriod';
import { PeriodStateLabels } from '../../gql/enum-labels';
import type { GoalRelation } from '../../gql/graphql';
import { formatDate, formatDateTime, formatInteger, formatPercent } from '../../lib/format';
import { COLLECTING } from '../../lib/periods';
import { DepartmentGoalsQuery } from './goal-queries';

const PAGE = 100;
const CollectionWorkbookPanel = lazy(() => import('../collection/CollectionWorkbookPanel'));

/** Le mie finalità: the goals a department leads or contributes to, for the period being collected. */
export default function MyGoalsPage() {
  const user = useUser();
  const { editions, edition, period, fetching, error, choose } = useEditionPeriod();
  const [params, setParams] = useSearchParams();
  const relation = (params.get('ruolo') as GoalRelation | null) ?? 'ANY';
  const missingOnly = params.get('mancanti') === '1';
  const department = params.get('settore') ?? undefined;
  const [text, setText] = useState(params.get('cerca') ?? '');
  const [objective, setObjective] = useState(params.get('obiettivo') ?? '');
  const [pages, setPages] = useState(1);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setPages(1);
    setParams(next, { replace: true });
  };

  const filter = {
    relation,
    missingOnly,
    department,
    text: params.get('cerca') || undefined,
    objectiveCode: params.get('obiettivo') || undefined,
  };
  const [goals, refetchGoals] = useQuery({
    query: DepartmentGoalsQuery,
    variables: { edition: edition?.code ?? '', period: period?.cutoffDate ?? '', filter, first: PAGE * pages },
    pause: !edition || !period,
  });
  const connection = goals.data?.departmentGoals;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const collecting = period ? COLLECTING.includes(period.state) : false;
  const departmentNames = user.departments.map((d) => d.name).join(', ');

  return (
    <>
      <PageHeading title="Le mie finalità">
        {departmentNames ? `Settore ${departmentNames}. ` : ''}Le finalità di cui il settore è capofila (stato di attuazione) o coinvolto (contributo).
      </PageHeading>
      <ErrorAlert error={error ?? goals.error} />
      {fetching ? <Loading /> : null}
      {edition ? <EditionPeriodPicker editions={editions} edition={edition} period={period} onChange={choose} idPrefix="finalita" /> : null}
      {period && !collecting ? (
        <div className="alert alert-info" role="status">
          Il periodo al {formatDate(period.cutoffDate)} è «{PeriodStateLabels[period.state].toLowerCase()}»: la compilazione è chiusa e le finalità sono in sola
          lettura.
        </div>
      ) : null}
      {edition && !period ? <p>Nessun periodo di rendicontazione per questa edizione.</p> : null}
      {user.role === 'DEPARTMENT_HEAD' && edition && period?.state === 'OPEN' && user.departments.length ? (
        <Suspense fallback={<Loading />}>
          <CollectionWorkbookPanel
            edition={edition.code}
            period={period.cutoffDate}
            departments={user.departments}
            idPrefix="finalita"
            onLoaded={() => refetchGoals({ requestPolicy: 'network-only' })}
          />
        </Suspense>
      ) : null}

      <form
        className="row g-3 align-items-end mb-3"
        aria-label="Filtri delle finalità"
        onSubmit={(e) => {
          e.preventDefault();
          update({ cerca: text.trim() || undefined, obiettivo: objective.trim() || undefined });
        }}
      >
        {user.departments.length > 1 ? (
          <div className="col-12 col-md-3">
            <div className="select-wrapper">
              <label htmlFor="filtro-settore">Settore</label>
              <select id="filtro-settore" value={department ?? ''} onChange={(e) => update({ settore: e.target.value || undefined })}>
                <option value="">Tutti i miei settori</option>
                {user.departments.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ) : null}
        <div className="col-12 col-md-3">
          <div className="select-wrapper">
            <label htmlFor="filtro-ruolo">Ruolo del settore</label>
            <select id="filtro-ruolo" value={relation} onChange={(e) => update({ ruolo: e.target.value === 'ANY' ? undefined : e.target.value })}>
              <option value="ANY">Capofila e coinvolto</option>
              <option value="LEAD">Capofila</option>
              <option value="INVOLVED">Coinvolto</option>
            </select>
          </div>
        </div>
        <div className="col-6 col-md-2">
          <div className="form-group mb-0">
            <label htmlFor="filtro-obiettivo" className="active">
              Obiettivo
            </label>
            <input
              id="filtro-obiettivo"
              type="text"
              className="form-control"
              value={objective}
              onChange={(e) => setObjective(e.target.value)}
              placeholder="es. 7.01"
            />
          </div>
        </div>
        <div className="col-6 col-md-3">
          <div className="form-group mb-0">
            <label htmlFor="filtro-testo" className="active">
              Cerca
            </label>
            <input id="filtro-testo" type="search" className="form-control" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
        </div>
        <div className="col-12 col-md-auto">
          <button type="submit" className="btn btn-outline-primary">
            Applica
          </button>
        </div>
        <div className="col-12">
          <div className="form-check mb-0">
            <input id="filtro-mancanti" type="checkbox" checked={missingOnly} onChange={(e) => update({ mancanti: e.target.checked ? '1' : undefined })} />
            <label htmlFor="filtro-mancanti">Solo quelle ancora da compilare</label>
          </div>
        </div>
      </form>

      <p aria-live="polite" className="fw-semibold">
        {connection ? summary(connection.totalCount, rows) : ''}
      </p>
      {rows.length > 0 ? (
        <div className="table-responsive">
          <table className="table align-middle">
            <caption className="visually-hidden">Finalità del settore per il periodo</caption>
            <thead>
              <tr>
                <th scope="col">Obiettivo</th>
                <th scope="col">Finalità</th>
                <th scope="col">Ruolo</th>
                <th scope="col">Stato del periodo</th>
                <th scope="col">Indicatori senza risultato</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.goal.id}-${row.department.code}`}>
                  <td>
                    <span className="plan-code">{row.goal.operationalObjective.code}</span>
                  </td>
                  <td>
                    <Link to={`/finalita/${row.goal.id}?periodo=${period?.cutoffDate ?? ''}&settore=${row.department.code}`}>
                      {row.goal.position}. {row.goal.title}
                    </Link>
                    <div className="small text-muted">{row.goal.operationalObjective.title}</div>
                  </td>
                  <td>{row.relation === 'LEAD' ? 'Capofila' : 'Coinvolto'}</td>
                  <td>
                    {row.relation === 'LEAD' ? (
                      row.status ? (
                        <>
                          <StateBadge state={row.status.declaredState} reported />
                          {row.status.percentComplete ? <span className="ms-2">{formatPercent(row.status.percentComplete)}</span> : null}
                          <div className="small text-muted">
                            {row.status.author}, {formatDateTime(row.status.updatedAt)}
                          </div>
                        </>
                      ) : (
                        <span className="badge bg-danger">Da compilare</span>
                      )
                    ) : row.contribution ? (
                      <span className="badge bg-success">Contributo inviato</span>
                    ) : (
                      <span className="badge bg-warning text-dark">Contributo da scrivere</span>
                    )}
                  </td>
                  <td>{row.relation === 'LEAD' ? formatInteger(row.indicatorsWithoutResult) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : connection ? (
        <p>Nessuna finalità corrisponde ai filtri.</p>
      ) : goals.fetching ? (
        <Loading label="Caricamento delle finalità…" />
      ) : null}
      {connection?.pageInfo.hasNextPage ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => setPages((p) => p + 1)}>
          Mostra altre finalità
        </button>
      ) : null}
      {user.role === 'DEPARTMENT_HEAD' && collecting ? (
        <p className="mt-4">
          Quando lo stato di tutte le finalità è pronto: <Link to="/invio">invio alla revisione</Link>.
        </p>
      ) : null}
    </>
  );
}

function summary(total: number, rows: readonly { relation: GoalRelation; status: unknown; contribution: unknown }[]): string {
  const toDo = rows.filter((r) => (r.relation === 'LEAD' ? !r.status : !r.contribution)).length;
  const shown = rows.length < total ? ` (mostrate ${formatInteger(rows.length)})` : '';
  return `${formatInteger(total)} finalità${shown}, di cui ${formatInteger(toDo)} da compilare.`;
}
