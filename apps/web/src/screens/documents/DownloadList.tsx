import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { Icon } from '../../components/Icon';
import type { ReportFilesQuery as FilesResult } from '../../gql/graphql';
import { formatBytes, formatDate, formatDateTime, formatInteger } from '../../lib/format';
import { ReportDownloadsQuery, ReportFilesQuery } from './documents-queries';

type FileInfo = NonNullable<FilesResult['reportDownloads'][number]['file']>;

const FORMATS: Record<string, { name: string; action: string; icon: string }> = {
  pdf: { name: 'PDF', action: 'Scarica il PDF', icon: 'it-file-pdf' },
  xlsx: { name: 'Excel', action: 'Scarica il file Excel', icon: 'it-file-xlsx' },
  html: { name: 'HTML', action: 'Apri la versione HTML', icon: 'it-file' },
  zip: { name: 'Pacchetto trasparenza (zip)', action: 'Scarica il pacchetto per Amministrazione trasparente', icon: 'it-folder' },
};

/**
 * The documents of one scope as plain links to the service: the session cookie authorises the
 * download, so one click saves the PDF. The links show at once; sizes and pages follow when the
 * service has rendered the files (seconds the first time, then kept while the data is unchanged).
 */
export function DownloadList({ edition, period, ambito }: { edition: string; period: string; ambito: string }) {
  const variables = { edition, period, ambito };
  const [links] = useQuery({ query: ReportDownloadsQuery, variables });
  const [files] = useQuery({ query: ReportFilesQuery, variables, pause: !links.data });
  const downloads = links.data?.reportDownloads ?? [];
  // Keyed by URL: a reopened period also lists the files of its approved revisions.
  const infoOf = new Map((files.data?.reportDownloads ?? []).map((d) => [d.url, d.file]));
  const first = downloads[0];
  const current = first?.revision;

  if (links.error) return <ErrorAlert error={links.error} title="Documenti non disponibili" />;
  if (!first) return links.fetching ? <Loading label="Caricamento dei collegamenti…" /> : null;
  return (
    <section aria-labelledby="documenti-scelti" className="mt-2">
      <h2 id="documenti-scelti" className="h4 d-flex flex-wrap align-items-center gap-2">
        <span>{first.scopeLabel}</span>
        {first.draft ? <span className="badge bg-warning">Bozza</span> : null}
      </h2>
      {first.draft ? (
        <div className="alert alert-warning" role="note">
          <strong>Bozza.</strong> La Giunta non ha ancora preso atto dello stato di attuazione al {formatDate(period)}: i documenti riportano i dati inseriti
          finora e possono cambiare fino alla presa d'atto.
        </div>
      ) : null}
      {files.error ? (
        <ErrorAlert error={files.error} title="Non è stato possibile calcolare dimensione e pagine dei file; i collegamenti restano validi." />
      ) : null}
      <ul className="list-unstyled document-list">
        {downloads.map((d) => {
          const format = FORMATS[d.format] ?? { name: d.format.toUpperCase(), action: `Scarica (${d.format})`, icon: 'it-file' };
          return (
            <li key={d.url} className="document-item">
              <Icon name={format.icon} size="lg" className="icon-primary flex-shrink-0" />
              <div className="flex-grow-1">
                <p className="h5 mb-1">
                  <a href={d.url} download={d.format === 'html' ? undefined : d.fileName}>
                    {format.action}
                    {d.draft ? ' (bozza)' : ''}
                    {d.revision !== current ? ` (revisione ${d.revision}, superata da una riapertura)` : ''}
                  </a>
                </p>
                <p className="mb-1">{d.description}</p>
                {d.approvedBy ? <p className="mb-1 fw-semibold">{d.approvedBy}: file congelato all’approvazione.</p> : null}
                <p className="small mb-0" aria-live="polite">
                  <FileFacts info={infoOf.get(d.url)} pending={!files.data && !files.error} />
                </p>
                <p className="small text-muted mb-0 text-break">
                  {format.name} · {d.fileName}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function FileFacts({ info, pending }: { info: FileInfo | null | undefined; pending: boolean }) {
  if (pending) return <span className="text-muted">Dimensione in calcolo…</span>;
  if (!info) return <span className="text-muted">Dimensione non disponibile.</span>;
  const facts = [
    formatBytes(info.sizeBytes),
    info.pageCount != null ? `${formatInteger(info.pageCount)} ${info.pageCount === 1 ? 'pagina' : 'pagine'}` : null,
    `generato il ${formatDateTime(info.generatedAt)}`,
    info.dataUpdatedAt ? `dati aggiornati al ${formatDateTime(info.dataUpdatedAt)}` : null,
    info.sha256 ? `SHA-256 ${info.sha256}` : null,
  ];
  return <>{facts.filter(Boolean).join(' · ')}</>;
}
