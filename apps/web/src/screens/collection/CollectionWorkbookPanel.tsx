import { useState } from 'react';
import { SuccessAlert } from '../../components/Feedback';
import { FileUploadForm } from '../../components/FileUploadForm';
import { ProblemTable, type ProblemColumn } from '../../components/ProblemTable';
import { formatDate, formatInteger } from '../../lib/format';
import { uploadWorkbook, workbookUrl, type WorkbookProblem, type WorkbookUploadAnswer } from './collection-workbook';

export interface CollectionWorkbookPanelProps {
  edition: string;
  period: string;
  /** The departments whose workbook is offered (a head's own, or every one with work for the planning office). */
  departments: readonly { code: string; name: string }[];
  /** The planning office also downloads every department's workbook at once. */
  withZip?: boolean;
  idPrefix: string;
  /** Called after a workbook was loaded, so the screen re-reads what it shows. */
  onLoaded?: () => void;
}

/**
 * Raccolta Excel: the period's pre-filled workbooks to download, and the upload of a filled one,
 * with the API's outcome: the counts, or every problem by sheet and cell so the file can be fixed
 * from this table alone. The API checks and writes everything; this panel only sends the file.
 */
export default function CollectionWorkbookPanel({ edition, period, departments, withZip, idPrefix, onLoaded }: CollectionWorkbookPanelProps) {
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<WorkbookUploadAnswer | null>(null);
  const headingId = `${idPrefix}-raccolta`;

  const submit = async (file: File) => {
    setSending(true);
    setAnswer(null);
    const result = await uploadWorkbook(period, file);
    setAnswer(result);
    setSending(false);
    if (result.ok && result.written > 0) onLoaded?.();
  };

  return (
    <section aria-labelledby={headingId} className="card card-bg no-after my-4">
      <div className="card-body">
        <h2 id={headingId} className="h4 card-title">
          Raccolta Excel al {formatDate(period)}
        </h2>
        <p>
          {withZip
            ? 'Le cartelle Excel da inviare ai settori, una per settore con le sue finalità e i suoi indicatori; quando tornano compilate si caricano qui.'
            : 'In alternativa alla compilazione sul sito: scaricare la cartella Excel del settore, già compilata con le finalità e gli indicatori, riempire le celle gialle e caricarla.'}{' '}
          Il file si carica tutto o niente; ricaricare lo stesso file non cambia nulla.
        </p>
        {withZip ? (
          <p>
            <a className="btn btn-primary btn-sm" href={workbookUrl(edition, period)} download>
              Tutti i settori (zip)
            </a>
          </p>
        ) : null}
        {/* Many departments (planning office): plain links in columns, so a phone does not scroll through a wall of buttons. */}
        <ul
          className={departments.length > 3 ? 'list-unstyled row row-cols-1 row-cols-md-2 row-cols-lg-3 g-2' : 'list-unstyled d-flex flex-wrap gap-2'}
          aria-label="Cartelle da scaricare"
        >
          {departments.map((d) => (
            <li key={d.code} className={departments.length > 3 ? 'col' : undefined}>
              <a className={departments.length > 3 ? undefined : 'btn btn-outline-primary btn-sm'} href={workbookUrl(edition, period, d.code)} download>
                Cartella {d.name} (.xlsx)
              </a>
            </li>
          ))}
        </ul>
        <div className="mt-3">
          <FileUploadForm
            id={`${idPrefix}-raccolta-file`}
            label="Cartella compilata (.xlsx, al massimo 10 MB)"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            buttonLabel="Carica la cartella"
            sending={sending}
            onSubmit={submit}
          />
        </div>
        <div aria-live="polite" className="mt-3">
          <WorkbookReport answer={answer} />
        </div>
      </div>
    </section>
  );
}

const WORKBOOK_COLUMNS: ProblemColumn<WorkbookProblem>[] = [
  { header: 'Foglio', cell: (p) => p.sheet ?? 'Tutto il file' },
  { header: 'Cella', cell: (p) => p.cell ?? '—' },
  { header: 'Campo', cell: (p) => p.field ?? '—' },
  {
    header: 'Problema',
    cell: (p) => (
      <>
        {p.code === 'CONFLICT' ? <span className="badge bg-warning text-dark me-2">In conflitto</span> : null}
        {p.message}
      </>
    ),
  },
];

const rows = (n: number, one: string, many: string) => (n === 1 ? `1 riga ${one}` : `${formatInteger(n)} righe ${many}`);

/** The outcome of an upload; for a refused workbook, every problem by sheet and cell. */
function WorkbookReport({ answer }: { answer: WorkbookUploadAnswer | null }) {
  if (!answer) return null;
  if (answer.ok) {
    return (
      <SuccessAlert>
        {answer.written > 0
          ? `Cartella del settore ${answer.department} caricata: ${rows(answer.written, 'registrata', 'registrate')}, ${rows(answer.unchanged, 'invariata', 'invariate')}.`
          : `Nessuna modifica: la cartella del settore ${answer.department} ha ${rows(answer.unchanged, 'già registrata così', 'già registrate così')}.`}
      </SuccessAlert>
    );
  }
  const conflicts = answer.problems.some((p) => p.code === 'CONFLICT');
  return (
    <>
      <div className="alert alert-danger" role="alert">
        <p className="mb-0">{answer.message}</p>
        {conflicts ? (
          <p className="mb-0 mt-2">
            Le righe «in conflitto» sono state modificate sul sito dopo lo scaricamento della cartella e non sono state sovrascritte: scaricare di nuovo la
            cartella, che mostra i valori attuali, riportarvi le proprie modifiche e caricarla.
          </p>
        ) : null}
      </div>
      {answer.problems.length ? (
        <ProblemTable
          label="Problemi della cartella"
          caption={`Problemi della cartella (${formatInteger(answer.problems.length)}): correggerli nel file e caricarlo di nuovo`}
          columns={WORKBOOK_COLUMNS}
          problems={answer.problems}
        />
      ) : null}
    </>
  );
}
