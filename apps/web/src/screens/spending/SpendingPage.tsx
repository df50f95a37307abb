import { useState } from 'react';
import { useQuery } from 'urql';
import { EditionPeriodPicker } from '../../components/EditionPeriodPicker';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/Feedback';
import { FileUploadForm } from '../../components/FileUploadForm';
import { PageHeading } from '../../components/PageHeading';
import { ProblemTable, type ProblemColumn } from '../../components/ProblemTable';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useEditionPeriod } from '../../components/useEditionPeriod';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format';
import { SpendingVersionsQuery } from './spending-queries';
import { templateUrl, uploadExtract, type ExtractProblem, type UploadAnswer } from './upload-extract';

/**
 * Spese: the planning office loads a period's spending table (Missioni/Programmi) from the
 * accounting system's extract, sees every problem of a refused file by row and column, and the
 * versions loaded so far. Every rule is the API's: this screen only sends the file.
 */
export default function SpendingPage() {
  const { editions, edition, period, fetching, error, choose } = useEditionPeriod();
  const target = edition && period ? { edition: edition.code, period: period.cutoffDate } : null;
  const [versions, refetchVersions] = useQuery({ query: SpendingVersionsQuery, variables: target ?? { edition: '', period: '' }, pause: !target });
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<UploadAnswer | null>(null);

  const submit = async (file: File) => {
    if (!target) return;
    setSending(true);
    setAnswer(null);
    const result = await uploadExtract(target.edition, target.period, file);
    setSending(false);
    setAnswer(result);
    if (result.ok) refetchVersions({ requestPolicy: 'network-only' });
  };

  return (
    <>
      <PageHeading title="Spese">
        La tabella delle spese per Missioni e Programmi di un periodo, dall'estratto della contabilità (Excel o CSV separato da punto e virgola). Il file si
        carica tutto o niente; gli stessi importi non cambiano nulla, importi diversi creano una nuova versione.
      </PageHeading>
      <ErrorAlert error={error} />
      {fetching ? <Loading /> : null}
      {edition ? <EditionPeriodPicker editions={editions} edition={edition} period={period} onChange={choose} idPrefix="spese" /> : null}
      {target ? (
        <>
          <section aria-labelledby="spese-modello" className="mt-4">
            <h2 id="spese-modello" className="h4">
              Modello
            </h2>
            <p>Il catalogo nazionale di Missioni e Programmi con codici e nomi già compilati; le colonne degli importi sono da riempire.</p>
            <ul className="list-unstyled d-flex flex-wrap gap-3">
              <li>
                <a className="btn btn-outline-primary" href={templateUrl(target.edition, target.period, 'xlsx', false)} download>
                  Modello Excel
                </a>
              </li>
              <li>
                <a className="btn btn-outline-primary" href={templateUrl(target.edition, target.period, 'csv', false)} download>
                  Modello CSV
                </a>
              </li>
              <li>
                <a className="btn btn-outline-primary" href={templateUrl(target.edition, target.period, 'xlsx', true)} download>
                  Modello Excel con gli importi attuali
                </a>
              </li>
            </ul>
          </section>
          <section aria-labelledby="spese-carica" className="mt-4">
            <h2 id="spese-carica" className="h4">
              Carica l'estratto al {formatDate(target.period)}
            </h2>
            <FileUploadForm
              id="spese-file"
              label="File dell'estratto (.xlsx o .csv, al massimo 2 MB)"
              accept=".xlsx,.csv,text/csv"
              buttonLabel="Carica"
              sending={sending}
              onSubmit={submit}
            />
            <UploadReport answer={answer} />
          </section>
          <section aria-labelledby="spese-versioni" className="mt-5">
            <h2 id="spese-versioni" className="h4">
              Versioni caricate
            </h2>
            <ErrorAlert error={versions.error} />
            {versions.fetching && !versions.data ? <Loading label="Caricamento delle versioni…" /> : null}
            {versions.data ? <VersionTable versions={versions.data.spendingVersions} /> : null}
          </section>
        </>
      ) : null}
    </>
  );
}

const EXTRACT_COLUMNS: ProblemColumn<ExtractProblem>[] = [
  { header: 'Riga', cell: (p) => p.row ?? '—' },
  { header: 'Colonna', cell: (p) => p.column ?? '—' },
  { header: 'Campo', cell: (p) => p.field ?? '—' },
  { header: 'Problema', cell: (p) => p.message },
  { header: 'Codice', cell: (p) => <code>{p.code}</code> },
];

/** The outcome of a load; for a refused file, every problem by row and column, to fix it from here. */
function UploadReport({ answer }: { answer: UploadAnswer | null }) {
  if (!answer) return null;
  if (answer.ok) {
    return (
      <div className="mt-3">
        <SuccessAlert>
          {answer.outcome === 'CREATED'
            ? `Spese caricate: versione ${answer.version}, ${formatInteger(answer.rowCount)} programmi.`
            : `Nessuna modifica: la versione ${answer.version} ha già questi importi.`}
        </SuccessAlert>
      </div>
    );
  }
  return (
    <div className="mt-3">
      <div className="alert alert-danger" role="alert">
        {answer.message}
      </div>
      {answer.problems.length ? (
        <ProblemTable
          label="Errori del file"
          caption={`Errori del file (${formatInteger(answer.problems.length)})`}
          columns={EXTRACT_COLUMNS}
          problems={answer.problems}
        />
      ) : null}
    </div>
  );
}

type Version = { version: number; current: boolean; sha256: string; fileName: string; loadedBy: string; loadedAt: string; rowCount: number };

function VersionTable({ versions }: { versions: readonly Version[] }) {
  if (!versions.length) return <p>Nessuna tabella delle spese caricata per questo periodo: il capitolo 4 del rapporto è vuoto.</p>;
  return (
    <ScrollRegion label="Versioni caricate">
      <table className="table table-sm">
        <caption>Caricamenti della tabella delle spese, dal più recente</caption>
        <thead>
          <tr>
            <th scope="col">Versione</th>
            <th scope="col">File</th>
            <th scope="col">Caricato da</th>
            <th scope="col">Data</th>
            <th scope="col">Programmi</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>
                {v.version}
                {v.current ? <span className="badge bg-success ms-2">in uso</span> : null}
              </td>
              <td>{v.fileName}</td>
              <td>{v.loadedBy}</td>
              <td>{formatDateTime(v.loadedAt)}</td>
              <td>{formatInteger(v.rowCount)}</td>
              <td>
                <code title={v.sha256}>{v.sha256.slice(0, 12)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
