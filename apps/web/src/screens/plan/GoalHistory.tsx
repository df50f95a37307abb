import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { Markdown } from '../../components/Markdown';
import { StateBadge } from '../../components/StateBadge';
import { EditionPeriodPicker } from '../../components/EditionPeriodPicker';
import type { Edition, Period } from '../../components/useEditionPeriod';
import { formatDate, formatDateTime, formatPercent } from '../../lib/format';
import { GoalStatusHistoryQuery } from './goal-queries';

/** Every version of the goal's status in one period, newest first (who wrote what, and when). */
export function GoalHistory(props: { goalId: string; edition: Edition; period: Period; onPeriod(cutoff: string): void }) {
  const { goalId, edition, period, onPeriod } = props;
  const [result] = useQuery({ query: GoalStatusHistoryQuery, variables: { goalId, period: period.cutoffDate } });
  const versions = [...(result.data?.goalStatusHistory ?? [])].reverse();
  return (
    <section aria-labelledby="finalita-cronologia" className="mb-4">
      <h2 id="finalita-cronologia" className="h4 before-fields">
        Cronologia dello stato
      </h2>
      <EditionPeriodPicker editions={[edition]} edition={edition} period={period} idPrefix="cronologia" onChange={(c) => c.periodo && onPeriod(c.periodo)} />
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data ? <Loading label="Caricamento della cronologia…" /> : null}
      {result.data && versions.length === 0 ? <p aria-live="polite">Nessuno stato scritto per questo periodo.</p> : null}
      {versions.length ? (
        <ol className="list-unstyled" aria-live="polite">
          {versions.map((v, i) => (
            <li key={v.version} className="goal-version">
              <details open={i === 0}>
                <summary>
                  Versione {v.version} · {v.author} · {formatDateTime(v.createdAt)} · <StateBadge state={v.declaredState} reported />
                  {v.percentComplete ? ` ${formatPercent(v.percentComplete)}` : ''}
                </summary>
                <div className="ps-3 pt-2">
                  {v.deferredTo ? (
                    <p className="mb-1">
                      Rinviata al {formatDate(v.deferredTo)}
                      {v.deferralText ? `: ${v.deferralText}` : ''}
                    </p>
                  ) : null}
                  {v.narrative.trim() ? <Markdown source={v.narrative} className="text-narrow" /> : <p className="text-muted">Nessuna narrazione.</p>}
                </div>
              </details>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
