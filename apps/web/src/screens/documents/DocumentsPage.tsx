import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useUser } from '../../auth/session';
import { EditionPeriodPicker } from '../../components/EditionPeriodPicker';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { useEditionPeriod, type Period } from '../../components/useEditionPeriod';
import { PeriodStateLabels } from '../../gql/enum-labels';
import type { ReportScopesQuery as ScopesResult } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { latestPublished } from '../../lib/periods';
import { ReportScopesQuery } from './documents-queries';
import { DownloadList } from './DownloadList';
import { VerifyFile } from './VerifyFile';

type Scope = ScopesResult['reportScopes'][number];

/**
 * Documenti: the status report of a period, for the whole plan, a mandate line or a department,
 * in PDF, Excel and HTML. Council members first: by default they see the latest period the Giunta
 * has taken note of; the others the period being worked on.
 */
export default function DocumentsPage() {
  const user = useUser();
  const council = user.role === 'COUNCIL_MEMBER';
  const { editions, edition, period, fetching, error, choose } = useEditionPeriod(council ? latestPublished : undefined);
  const [params, setParams] = useSearchParams();
  const target = edition && period ? { edition: edition.code, period: period.cutoffDate } : null;
  const [scopes] = useQuery({ query: ReportScopesQuery, variables: target ?? { edition: '', period: '' }, pause: !target });
  const list = scopes.data?.reportScopes ?? [];
  const wanted = params.get('ambito');
  // With no scope at all (a council member before the Giunta took note) the full document is
  // still asked for, so the API says why it cannot be read.
  const ambito = scopes.data ? ((list.find((s) => s.ambito === wanted) ?? list[0])?.ambito ?? 'completo') : null;

  const chooseScope = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('ambito', value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeading title="Documenti">
        Il rapporto sullo stato di attuazione del DUP: documento completo, per linea di mandato o per settore, in PDF, Excel e HTML.
      </PageHeading>
      <ErrorAlert error={error ?? scopes.error} />
      {fetching ? <Loading /> : null}
      {edition ? <EditionPeriodPicker editions={editions} edition={edition} period={period} onChange={choose} idPrefix="documenti" /> : null}
      {scopes.fetching && !scopes.data ? <Loading label="Caricamento dei documenti disponibili…" /> : null}
      {list.length > 1 && ambito ? <ScopePicker scopes={list} value={ambito} onChange={chooseScope} /> : null}
      {period ? <PeriodNote period={period} /> : null}
      {target && ambito ? <DownloadList edition={target.edition} period={target.period} ambito={ambito} /> : null}
      <VerifyFile />
    </>
  );
}

const GROUPS: { kind: Scope['kind']; label: string }[] = [
  { kind: 'FULL', label: 'Intero piano' },
  { kind: 'MANDATE_LINE', label: 'Linee di mandato' },
  { kind: 'DEPARTMENT', label: 'Settori' },
];

/** The scope of the documents: whole plan, one mandate line, one department. */
function ScopePicker({ scopes, value, onChange }: { scopes: readonly Scope[]; value: string; onChange(ambito: string): void }) {
  return (
    <div className="row mt-4 mb-4">
      <div className="col-12 col-lg-8">
        <div className="select-wrapper">
          <label htmlFor="documenti-ambito">Ambito del documento</label>
          <select id="documenti-ambito" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby="documenti-ambito-aiuto">
            {GROUPS.map((group) => {
              const items = scopes.filter((s) => s.kind === group.kind);
              return items.length ? (
                <optgroup key={group.kind} label={group.label}>
                  {items.map((s) => (
                    <option key={s.ambito} value={s.ambito}>
                      {s.label}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        </div>
        <small id="documenti-ambito-aiuto" className="form-text">
          Il documento completo contiene tutte le linee di mandato; quello di un settore solo le finalità in cui il settore è capofila o coinvolto.
        </small>
      </div>
    </div>
  );
}

/** The period's state and the act that made its report final: "approvato dal Consiglio con deliberazione n. 195 del 13/11/2020". */
function PeriodNote({ period }: { period: Period }) {
  const act = period.state === 'APPROVED_BY_COUNCIL' ? period.approvedBy : period.state === 'NOTED_BY_GIUNTA' ? period.notedBy : null;
  const state = PeriodStateLabels[period.state];
  return (
    <p className="mb-3">
      Periodo al <strong>{formatDate(period.cutoffDate)}</strong>: {state.charAt(0).toLowerCase()}
      {state.slice(1)}
      {act ? ` con deliberazione n. ${act.number} del ${formatDate(act.date)}` : ''}.
    </p>
  );
}
