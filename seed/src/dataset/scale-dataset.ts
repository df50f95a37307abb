import type { PlanDataset } from './plan-dataset';

/**
 * A plan `factor` times larger than `ds`, for scale tests and benchmarks: every mandate line
 * (with its objectives, goals, indicators, statuses and results) is repeated with new line
 * numbers, so codes stay valid and unique (line 3 copy 2 becomes line 23, `3.01` → `23.01`).
 * Spending is per programme and period, so it is kept as it is.
 */
export function scaleDataset(ds: PlanDataset, factor: number): PlanDataset {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`Fattore di scala non valido: ${factor}`);
  const maxLine = Math.max(...ds.mandateLines.map((l) => l.number));
  const step = 10 ** String(maxLine).length;
  const copies = Array.from({ length: factor }, (_, k) => k);
  const lineOf = (line: number, k: number) => k * step + line;
  const recode = (code: string, k: number) => {
    const [line, ...rest] = code.split('.');
    return [String(lineOf(Number(line), k)), ...rest].join('.');
  };
  const suffix = (text: string, k: number) => (k === 0 ? text : `${text} (copia ${k + 1})`);
  return {
    ...ds,
    mandateLines: copies.flatMap((k) => ds.mandateLines.map((l) => ({ ...l, number: lineOf(l.number, k), title: suffix(l.title, k) }))),
    strategicObjectives: copies.flatMap((k) =>
      ds.strategicObjectives.map((s) => ({ ...s, code: recode(s.code, k), lineNumber: lineOf(s.lineNumber, k) })),
    ),
    operationalObjectives: copies.flatMap((k) =>
      ds.operationalObjectives.map((o) => ({ ...o, code: recode(o.code, k), strategicCode: recode(o.strategicCode, k) })),
    ),
    goals: copies.flatMap((k) => ds.goals.map((g) => ({ ...g, opCode: recode(g.opCode, k) }))),
    indicators: copies.flatMap((k) => ds.indicators.map((i) => ({ ...i, opCode: recode(i.opCode, k) }))),
    goalStatuses: copies.flatMap((k) => ds.goalStatuses.map((s) => ({ ...s, opCode: recode(s.opCode, k) }))),
    indicatorResults: copies.flatMap((k) => ds.indicatorResults.map((r) => ({ ...r, opCode: recode(r.opCode, k) }))),
  };
}
