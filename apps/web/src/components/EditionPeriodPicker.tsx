import type { ReactNode } from 'react';
import { PeriodStateLabels } from '../gql/enum-labels';
import { formatDate } from '../lib/format';
import type { Edition, Period } from './useEditionPeriod';

/** Selects for the DUP edition and the reporting period, labelled in Italian. */
export function EditionPeriodPicker(props: {
  editions: readonly Edition[];
  edition: Edition;
  period: Period | null;
  onChange(changes: { edizione?: string; periodo?: string }): void;
  idPrefix?: string;
  /** Further choices of the screen, laid out in the same row. */
  children?: ReactNode;
}) {
  const { editions, edition, period, onChange, idPrefix = 'scelta', children } = props;
  const periods = [...edition.periods].sort((a, b) => b.cutoffDate.localeCompare(a.cutoffDate));
  return (
    <div className="row g-3 align-items-end mb-3">
      {editions.length > 1 ? (
        <div className="col-12 col-md-4">
          <div className="select-wrapper">
            <label htmlFor={`${idPrefix}-edizione`}>Edizione del DUP</label>
            <select id={`${idPrefix}-edizione`} value={edition.code} onChange={(e) => onChange({ edizione: e.target.value, periodo: undefined })}>
              {editions.map((e) => (
                <option key={e.code} value={e.code}>
                  {e.title}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <div className="col-12 col-md-4">
        <div className="select-wrapper">
          <label htmlFor={`${idPrefix}-periodo`}>Periodo di rendicontazione</label>
          <select
            id={`${idPrefix}-periodo`}
            value={period?.cutoffDate ?? ''}
            onChange={(e) => onChange({ periodo: e.target.value })}
            disabled={periods.length === 0}
          >
            {periods.length === 0 ? <option value="">Nessun periodo</option> : null}
            {periods.map((p) => (
              <option key={p.cutoffDate} value={p.cutoffDate}>
                Al {formatDate(p.cutoffDate)} — {PeriodStateLabels[p.state]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {children}
    </div>
  );
}
