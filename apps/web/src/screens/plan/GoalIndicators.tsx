import type { ReactNode } from 'react';
import { ComparatorLabels, ResultStatusLabels } from '../../gql/enum-labels';
import type { PlanGoalQuery as GoalResult, PlanIndicatorFragment } from '../../gql/graphql';
import { formatDate, formatDecimal } from '../../lib/format';

type Goal = NonNullable<GoalResult['goal']>;

/** Values are stored with four decimals ("150.0000"); people wrote "150". */
const trimZeros = (value: string) => (value.includes('.') ? value.replace(/\.?0+$/, '') : value);

const SYMBOL: Record<keyof typeof ComparatorLabels, string> = { EQ: '=', GE: '≥', GT: '>', LE: '≤', LT: '<' };

/**
 * The goal's indicators with targets and results per period: those printed with the goal, or, when
 * its objective links none to its goals, the objective's (they then measure every goal of it).
 */
export function GoalIndicators({ goal }: { goal: Goal }) {
  const own = goal.indicators;
  const shared = own.length ? [] : goal.operationalObjective.indicators.filter((i) => i.goalPosition == null);
  const indicators = own.length ? own : shared;
  return (
    <section aria-labelledby="finalita-indicatori" className="mb-4">
      <h2 id="finalita-indicatori" className="h4">
        Indicatori
      </h2>
      {shared.length ? (
        <p className="text-muted">Indicatori dell'obiettivo operativo {goal.operationalObjective.code}: valgono per tutte le sue finalità.</p>
      ) : null}
      {indicators.length === 0 ? <p>Nessun indicatore collegato.</p> : null}
      {indicators.map((indicator) => (
        <IndicatorBlock key={indicator.id} indicator={indicator} />
      ))}
    </section>
  );
}

function IndicatorBlock({ indicator }: { indicator: PlanIndicatorFragment }) {
  const heading = `ind-${indicator.id}`;
  return (
    <article aria-labelledby={heading} className="goal-indicator mb-3">
      <h3 id={heading} className="h6">
        {indicator.position}. {indicator.name}
        {indicator.unit ? <span className="fw-normal text-muted"> ({indicator.unit})</span> : null}
      </h3>
      <div className="row g-3">
        <div className="col-12 col-lg-5">
          <PairTable
            caption="Valori attesi"
            emptyText="Valori attesi: non indicati."
            headers={['Anno', 'Valore atteso']}
            rows={indicator.targets.map((t) => ({
              key: String(t.year),
              head: String(t.year),
              body: (
                <>
                  {t.value != null ? (
                    <>
                      {t.comparator ? <abbr title={ComparatorLabels[t.comparator]}>{SYMBOL[t.comparator]}</abbr> : null} {formatDecimal(trimZeros(t.value))}
                      {t.unit ? ` ${t.unit}` : ''}
                    </>
                  ) : null}
                  {t.text ? <span className={t.value != null ? 'd-block' : ''}>{t.text}</span> : null}
                </>
              ),
            }))}
          />
        </div>
        <div className="col-12 col-lg-7">
          <PairTable
            caption="Risultati"
            emptyText="Nessun risultato consultabile."
            headers={['Periodo', 'Risultato']}
            rows={[...indicator.results].reverse().map((r) => ({
              key: r.period,
              head: `Al ${formatDate(r.period)}`,
              body: (
                <>
                  {r.status !== 'REPORTED' ? <span className="badge bg-light text-dark border me-1">{ResultStatusLabels[r.status]}</span> : null}
                  <span className="pre-wrap">{r.text}</span>
                  {r.value != null ? (
                    <span className="d-block text-muted">
                      Valore: {formatDecimal(trimZeros(r.value))}
                      {r.unit ? ` ${r.unit}` : ''}
                    </span>
                  ) : null}
                  {r.deferredTo ? <span className="d-block text-muted">Rinviato al {formatDate(r.deferredTo)}</span> : null}
                </>
              ),
            }))}
          />
        </div>
      </div>
    </article>
  );
}

/** A small two-column table: a row header (year, period) and its content. */
function PairTable(props: { caption: string; headers: [string, string]; emptyText: string; rows: { key: string; head: string; body: ReactNode }[] }) {
  const { caption, headers, emptyText, rows } = props;
  if (rows.length === 0) return <p className="small text-muted mb-0">{emptyText}</p>;
  return (
    <div className="table-responsive">
      <table className="table table-sm small mb-0 caption-top">
        <caption className="fw-semibold text-body">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{headers[0]}</th>
            <th scope="col">{headers[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="fw-normal text-nowrap">
                {row.head}
              </th>
              <td>{row.body}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
