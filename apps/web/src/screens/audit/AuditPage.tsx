import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import type { AuditTrailFilter } from '../../gql/graphql';
import { filterFromParams, toApiFilter, toParams } from './audit-filter';
import { AuditChunk } from './AuditEntries';
import { AuditFilters } from './AuditFilters';

/** Registro: the audit trail of the ente for auditors and administrators, filtered, page by page. */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filterFromParams(params), [params]);
  const filter = useMemo(() => toApiFilter(values), [values]);
  return (
    <>
      <PageHeading title="Registro delle modifiche">
        Chi ha modificato che cosa e quando: stati di attuazione, risultati, periodi, revisioni e utenti, con i valori prima e dopo.
      </PageHeading>
      <AuditFilters values={values} onApply={(next) => setParams(toParams(next))} />
      {/* A new filter starts again from the first page. */}
      <AuditResults key={JSON.stringify(filter)} filter={filter} />
    </>
  );
}

function AuditResults({ filter }: { filter: AuditTrailFilter }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section aria-labelledby="registrazioni">
      <h2 id="registrazioni" className="h4">
        Registrazioni
      </h2>
      {cursors.map((after, index) => (
        <AuditChunk
          key={after ?? ''}
          filter={filter}
          after={after}
          index={index}
          last={index === cursors.length - 1}
          onMore={(cursor) => setCursors((list) => [...list, cursor])}
        />
      ))}
    </section>
  );
}
