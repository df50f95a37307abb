import type { DeclaredState, GoalFormQuery, GoalReportResultInput, GoalReportStatusInput, ResultStatus } from '../../gql/graphql';
import { formatDecimal } from '../../lib/format';
import { parseItalianDecimal } from '../../lib/italian-input';

export type FormGoal = NonNullable<GoalFormQuery['goal']>;
export type FormIndicator = FormGoal['indicators'][number];
export type FormResult = FormIndicator['results'][number];

/** What the person edits; numbers as typed (Italian), converted only when saving. */
export interface GoalFormValues {
  narrative: string;
  declaredState: DeclaredState | '';
  percent: string;
  deferredTo: string;
  deferralText: string;
  results: ResultFormValues[];
}

export interface ResultFormValues {
  indicatorId: string;
  status: ResultStatus;
  text: string;
  value: string;
  deferredTo: string;
}

/** The versions read, sent back with the save (optimistic locking). */
export interface ReadVersions {
  status: number | null;
  results: Record<string, number | null>;
}

/** The goal's indicators: those linked to it, else (objective without links) all of the objective's. */
export function indicatorsOf(goal: FormGoal): FormIndicator[] {
  return goal.indicators.length ? goal.indicators : goal.operationalObjective.indicators;
}

export const resultAt = (indicator: FormIndicator, period: string): FormResult | undefined => indicator.results.find((r) => r.period === period);

/** The latest result before the period, for reference. */
export function previousResult(indicator: FormIndicator, period: string): FormResult | undefined {
  return [...indicator.results].filter((r) => r.period < period).sort((a, b) => b.period.localeCompare(a.period))[0];
}

/** "12.0000" → "12"; "60.5000" → "60,5": how a stored decimal reads in a form. */
export function decimalForInput(value: string | null | undefined): string {
  if (!value) return '';
  const trimmed = value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
  return formatDecimal(trimmed);
}

export function initialValues(goal: FormGoal, period: string): { values: GoalFormValues; versions: ReadVersions } {
  const status = goal.statuses[0];
  const indicators = indicatorsOf(goal);
  return {
    values: {
      narrative: status?.narrative ?? '',
      declaredState: status?.declaredState ?? '',
      percent: decimalForInput(status?.percentComplete),
      deferredTo: status?.deferredTo ?? '',
      deferralText: status?.deferralText ?? '',
      results: indicators.map((indicator) => {
        const result = resultAt(indicator, period);
        return {
          indicatorId: indicator.id,
          // "Non compilato" until the person writes something (then the form proposes "Rendicontato").
          status: result?.status ?? 'EMPTY',
          text: result?.text ?? '',
          value: decimalForInput(result?.value),
          deferredTo: result?.deferredTo ?? '',
        };
      }),
    },
    versions: {
      status: status?.version ?? null,
      results: Object.fromEntries(indicators.map((i) => [i.id, resultAt(i, period)?.version ?? null])),
    },
  };
}

/** Later cut-offs a deferral may name: every 30/06 and 31/12 after the period, to the end of the edition's last year. */
export function deferralOptions(period: string, endYear: number): string[] {
  const options: string[] = [];
  for (let year = Number(period.slice(0, 4)); year <= endYear + 1; year++) {
    for (const cutoff of [`${year}-06-30`, `${year}-12-31`]) if (cutoff > period) options.push(cutoff);
  }
  return options.slice(0, 6);
}

/** The form's checks, as the server makes them (libs/plan/write/src/services/validation.ts); the server's word is final. */
export const checks = {
  narrative: (value: string, state: DeclaredState | '') =>
    state === 'DEFERRED' || value.trim() !== '' || 'Scrivere lo stato di attuazione: può mancare solo per una finalità rinviata.',
  percent(value: string): true | string {
    if (value.trim() === '') return true;
    const parsed = parseItalianDecimal(value);
    if (!parsed.ok) return parsed.message;
    const ok = /^\d{1,3}(\.\d{1,2})?$/.test(parsed.value) && Number(parsed.value) <= 100;
    return ok || 'Percentuale non valida: un numero tra 0 e 100 con al massimo due decimali (es. 60,5).';
  },
  value(value: string): true | string {
    if (value.trim() === '') return true;
    const parsed = parseItalianDecimal(value);
    if (!parsed.ok) return parsed.message;
    return /^-?\d{1,16}(\.\d{1,4})?$/.test(parsed.value) || 'Valore non valido: al massimo 16 cifre intere e 4 decimali.';
  },
  resultText: (value: string, status: ResultStatus) =>
    status !== 'REPORTED' || value.trim() !== '' || 'Per un risultato rilevato scrivere il testo del risultato.',
};

const decimalOrNull = (value: string) => {
  if (value.trim() === '') return null;
  const parsed = parseItalianDecimal(value);
  return parsed.ok ? parsed.value : value;
};

/** The status part of the save, or null when the person changed nothing in it. */
export function statusInput(values: GoalFormValues, versions: ReadVersions, changed: boolean): GoalReportStatusInput | null {
  if (!changed || values.declaredState === '') return null;
  return {
    expectedVersion: versions.status,
    narrative: values.narrative,
    declaredState: values.declaredState,
    percentComplete: decimalOrNull(values.percent),
    deferredTo: values.declaredState === 'DEFERRED' ? values.deferredTo || null : null,
    deferralText: values.declaredState === 'DEFERRED' ? values.deferralText.trim() || null : null,
  };
}

/** The results the person changed (unchanged ones are not written again, so their versions stay). */
export function resultInputs(values: GoalFormValues, versions: ReadVersions, changedIndexes: readonly number[]): GoalReportResultInput[] {
  return changedIndexes.map((i) => {
    const r = values.results[i];
    return {
      indicatorId: r.indicatorId,
      expectedVersion: versions.results[r.indicatorId] ?? null,
      status: r.status,
      text: r.text,
      value: decimalOrNull(r.value),
      deferredTo: r.status === 'DEFERRED' ? r.deferredTo || null : null,
    };
  });
}

/** The same narrative as last period, give or take blanks: most likely not updated. */
export function unchangedFromPrevious(narrative: string, previous: string | null | undefined): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return Boolean(previous) && norm(narrative) !== '' && norm(narrative) === norm(previous ?? '');
}

/** The target of an indicator for the period's year, as a sentence. */
export function targetText(indicator: FormIndicator, period: string): string | null {
  const target = indicator.targets.find((t) => t.year === Number(period.slice(0, 4)));
  if (!target) return null;
  if (target.text) return target.text;
  const symbol = { GE: '≥', GT: '>', LE: '≤', LT: '<', EQ: '=' }[target.comparator ?? 'EQ'];
  return `${symbol} ${decimalForInput(target.value)}${target.unit ? ` ${target.unit}` : ''}`;
}
