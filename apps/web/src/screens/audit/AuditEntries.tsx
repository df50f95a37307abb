import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Feedback';
import type { AuditTrailFilter, AuditTrailQuery as TrailResult } from '../../gql/graphql';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format';
import { changeRows, roleLabel, viaLabel } from './audit-format';
import { AuditTrailQuery } from './audit-queries';

type Entry = TrailResult['auditTrail']['edges'][number]['node'];

export const PAGE_SIZE = 50;

/**
 * One page of the trail. Pages are appended as the user asks for more ("Carica altre"); each keeps
 * its own query, so earlier pages stay as they were read, and focus moves to the first new entry.
 */
export function AuditChunk(props: { filter: AuditTrailFilter; after: string | null; index: number; last: boolean; onMore(cursor: string): void }) {
  const { filter, after, index, last, onMore } = props;
  const [result] = useQuery({ query: AuditTrailQuery, variables: { filter, first: PAGE_SIZE, after } });
  const firstEntry = useRef<HTMLLIElement>(null);
  const focused = useRef(false);
  const page = result.data?.auditTrail;
  useEffect(() => {
    if (index > 0 && page && !focused.current) {
      focused.current = true;
      firstEntry.current?.focus();
    }
  }, [index, page]);

  if (result.error) return <ErrorAlert error={result.error} />;
  if (!page) return <Loading label="Caricamento delle registrazioni…" />;
  return (
    <>
      {index === 0 ? (
        <p aria-live="polite" className="fw-semibold">
          {page.totalCount === 0
            ? 'Nessuna registrazione corrisponde ai filtri.'
            : `${formatInteger(page.totalCount)} ${page.totalCount === 1 ? 'registrazione' : 'registrazioni'}, dalla più recente.`}
        </p>
      ) : null}
      {page.edges.length ? (
        <ol className="list-unstyled audit-list" start={index * PAGE_SIZE + 1}>
          {page.edges.map((edge, i) => (
            <li key={edge.cursor} ref={i === 0 ? firstEntry : undefined} tabIndex={i === 0 && index > 0 ? -1 : undefined} className="audit-entry">
              <AuditEntry entry={edge.node} />
            </li>
          ))}
        </ol>
      ) : null}
      {last && page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => onMore(page.pageInfo.endCursor!)}>
          Carica altre registrazioni
        </button>
      ) : null}
    </>
  );
}

function AuditEntry({ entry }: { entry: Entry }) {
  const { subject } = entry;
  const role = roleLabel(entry.actorRole);
  const rows = changeRows(entry.before, entry.after, entry.entityType);
  return (
    <article aria-labelledby={`voce-${entry.id}`}>
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <h3 id={`voce-${entry.id}`} className="h6 mb-1">
          {entry.operationLabel}
        </h3>
        <time dateTime={entry.occurredAt} className="small">
          {formatDateTime(entry.occurredAt)}
        </time>
      </div>
      {subject.goalTitle ? (
        <p className="mb-1">
          {subject.objectiveCode ? <span className="badge bg-primary me-2">Obiettivo {subject.objectiveCode}</span> : null}
          {subject.goalPosition != null ? `Finalità ${subject.goalPosition}: ` : ''}
          {subject.goalId ? <Link to={`/piano/finalita/${subject.goalId}`}>{subject.goalTitle}</Link> : subject.goalTitle}
        </p>
      ) : (
        <p className="mb-1">
          {subject.objectiveCode && !subject.label.includes(subject.objectiveCode) ? (
            <span className="badge bg-primary me-2">Obiettivo {subject.objectiveCode}</span>
          ) : null}
          {subject.label}
        </p>
      )}
      <p className="small mb-1">
        {[
          subject.goalTitle && subject.indicatorName ? `Indicatore: ${subject.indicatorName}` : null,
          subject.departmentName ? `Settore: ${subject.departmentName}` : null,
          subject.periodCutoff ? `Periodo al ${formatDate(subject.periodCutoff)}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className="small text-muted mb-1">
        Autore: <strong className="text-body">{entry.actor}</strong>
        {role ? ` (${role})` : ''}, {viaLabel(entry.via)}
      </p>
      {rows.length ? (
        <details className="audit-detail">
          <summary className="small">Dettaglio della modifica (prima e dopo)</summary>
          <div className="table-responsive">
            <table className="table table-sm small mb-2">
              <caption className="visually-hidden">Valori prima e dopo: {entry.operationLabel}</caption>
              <thead>
                <tr>
                  <th scope="col">Dato</th>
                  <th scope="col">Prima</th>
                  <th scope="col">Dopo</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} className={row.changed ? 'audit-changed' : 'text-muted'}>
                    <th scope="row" className="fw-normal">
                      {row.label}
                      {row.changed ? <span className="visually-hidden"> (modificato)</span> : null}
                    </th>
                    <td className="pre-wrap">{row.before}</td>
                    <td className="pre-wrap">{row.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </article>
  );
}
