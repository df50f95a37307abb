/**
 * Signals for the planning office's review of a period: what is missing, what is deferred,
 * and where a declared state contradicts the evidence. Pure: the caller loads the rows.
 */

export type ContradictionKind =
  | 'COMPLETED_WITH_DEFERRED_INDICATORS'
  | 'COMPLETED_WITH_MISSING_RESULTS'
  | 'COMPLETED_WITH_DEFERRED_STATUS'
  | 'COMPLETED_BELOW_100_PERCENT'
  | 'FULL_PERCENT_NOT_COMPLETED'
  | 'DEFERRED_STATUS_WITH_OTHER_STATE'
  | 'NOT_STARTED_WITH_PROGRESS';

export interface SignalGoal {
  id: string;
  position: number;
}

export interface SignalStatus {
  goalId: string;
  declaredState?: string | null;
  percentComplete?: string | null;
  deferredTo?: string | null;
  narrative: string;
}

export interface SignalIndicator {
  id: string;
  position: number;
  goalId?: string | null;
}

export interface SignalResult {
  indicatorId: string;
  status: string;
}

export interface Contradiction {
  kind: ContradictionKind;
  goalId: string;
  goalPosition: number;
  indicatorPositions: number[];
  message: string;
}

export interface GoalSignals {
  goalId: string;
  hasStatus: boolean;
  deferred: boolean;
  indicators: number;
  indicatorsWithoutResult: number;
  deferredIndicators: number;
  contradictions: Contradiction[];
}

export interface ObjectiveSignals {
  goals: number;
  goalsWithoutStatus: number;
  deferredGoals: number;
  indicators: number;
  indicatorsWithoutResult: number;
  deferredIndicators: number;
  contradictions: Contradiction[];
  byGoal: GoalSignals[];
}

const positions = (xs: SignalIndicator[]) => xs.map((i) => i.position).sort((a, b) => a - b);
const list = (ns: number[]) => ns.map((n) => `n. ${n}`).join(', ');

/**
 * A goal's indicators are those linked to it; when the objective links none of its indicators
 * to goals (the usual case in the DUP), every indicator of the objective counts for every goal.
 */
export function indicatorsOfGoal(goalId: string, indicators: SignalIndicator[]): SignalIndicator[] {
  const linked = indicators.filter((i) => i.goalId === goalId);
  if (linked.length > 0) return linked;
  return indicators.filter((i) => !i.goalId);
}

export function computeObjectiveSignals(
  goals: SignalGoal[],
  statuses: SignalStatus[],
  indicators: SignalIndicator[],
  results: SignalResult[],
): ObjectiveSignals {
  const statusOf = new Map(statuses.map((s) => [s.goalId, s]));
  const resultOf = new Map(results.map((r) => [r.indicatorId, r]));
  const missing = (i: SignalIndicator) => {
    const r = resultOf.get(i.id);
    return !r || r.status === 'EMPTY';
  };
  const deferred = (i: SignalIndicator) => resultOf.get(i.id)?.status === 'DEFERRED';

  const byGoal = [...goals]
    .sort((a, b) => a.position - b.position)
    .map((goal): GoalSignals => {
      const status = statusOf.get(goal.id);
      const own = indicatorsOfGoal(goal.id, indicators);
      const contradictions: Contradiction[] = [];
      const add = (kind: ContradictionKind, message: string, related: SignalIndicator[] = []) =>
        contradictions.push({ kind, goalId: goal.id, goalPosition: goal.position, indicatorPositions: positions(related), message });
      const state = status?.declaredState ?? null;
      const percent = status?.percentComplete != null ? Number(status.percentComplete) : null;
      if (state === 'COMPLETED') {
        const deferredOnes = own.filter(deferred);
        const missingOnes = own.filter(missing);
        if (deferredOnes.length) add('COMPLETED_WITH_DEFERRED_INDICATORS', `Finalità dichiarata completata ma con indicatori rinviati (${list(positions(deferredOnes))}).`, deferredOnes);
        if (missingOnes.length) add('COMPLETED_WITH_MISSING_RESULTS', `Finalità dichiarata completata ma con indicatori senza risultato (${list(positions(missingOnes))}).`, missingOnes);
        if (status?.deferredTo) add('COMPLETED_WITH_DEFERRED_STATUS', `Finalità dichiarata completata ma con la rendicontazione rinviata al ${status.deferredTo}.`);
        if (percent !== null && percent < 100) add('COMPLETED_BELOW_100_PERCENT', `Finalità dichiarata completata con avanzamento pari a ${italianPercent(status!.percentComplete!)}.`);
      } else if (percent === 100 && state !== null) {
        add('FULL_PERCENT_NOT_COMPLETED', 'Avanzamento al 100% ma la finalità non è dichiarata completata.');
      }
      if (status?.deferredTo && state !== null && state !== 'DEFERRED' && state !== 'COMPLETED') {
        add('DEFERRED_STATUS_WITH_OTHER_STATE', `Rendicontazione rinviata al ${status.deferredTo} ma stato dichiarato diverso da "rinviata".`);
      }
      if (state === 'NOT_STARTED' && percent !== null && percent > 0) {
        add('NOT_STARTED_WITH_PROGRESS', `Finalità dichiarata non avviata con avanzamento pari a ${italianPercent(status!.percentComplete!)}.`);
      }
      return {
        goalId: goal.id,
        hasStatus: Boolean(status),
        deferred: Boolean(status?.deferredTo) || state === 'DEFERRED',
        indicators: own.length,
        indicatorsWithoutResult: own.filter(missing).length,
        deferredIndicators: own.filter(deferred).length,
        contradictions,
      };
    });

  return {
    goals: goals.length,
    goalsWithoutStatus: byGoal.filter((g) => !g.hasStatus).length,
    deferredGoals: byGoal.filter((g) => g.deferred).length,
    indicators: indicators.length,
    indicatorsWithoutResult: indicators.filter(missing).length,
    deferredIndicators: indicators.filter(deferred).length,
    contradictions: byGoal.flatMap((g) => g.contradictions),
    byGoal,
  };
}

/** "80.00" → "80,00%", as the messages are read in Italian. */
function italianPercent(value: string): string {
  return `${value.replace('.', ',')}%`;
}
