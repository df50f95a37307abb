import type { PeriodState } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { periodToOpen, type PeriodLike } from '../../lib/periods';

export interface PeriodAction {
  key: string;
  /** The button. */
  label: string;
  /** What happens, said before the user confirms. */
  effect: string;
  cutoffDate: string;
  /** The state reached; `create` when the period does not exist yet (openReportingPeriod). */
  state: PeriodState;
  create: boolean;
  /** The body whose act the state needs. */
  act?: 'GIUNTA' | 'CONSIGLIO';
}

function transition(cutoffDate: string, to: PeriodState): PeriodAction {
  const when = formatDate(cutoffDate);
  const base = { key: `${cutoffDate}-${to}`, cutoffDate, state: to, create: false };
  switch (to) {
    case 'OPEN':
      return { ...base, label: `Apri il periodo al ${when}`, effect: 'I dirigenti potranno inserire stati di attuazione e risultati degli indicatori.' };
    case 'COLLECTION_CLOSED':
      return {
        ...base,
        label: 'Chiudi la raccolta dei dati',
        effect: "I dirigenti non potranno più modificare i dati del periodo; l'ufficio programmazione potrà ancora correggerli.",
      };
    case 'IN_REVIEW':
      return { ...base, label: 'Avvia la revisione', effect: "L'ufficio programmazione verifica i dati e prepara il rapporto per la Giunta." };
    case 'NOTED_BY_GIUNTA':
      return {
        ...base,
        label: 'Registra la presa d’atto della Giunta',
        effect: 'Dopo la presa d’atto nessuno potrà più modificare i dati: solo un amministratore può riaprire il periodo, come nuova revisione.',
        act: 'GIUNTA',
      };
    case 'APPROVED_BY_COUNCIL':
      return {
        ...base,
        label: 'Registra l’approvazione del Consiglio',
        effect: 'Il rapporto approvato viene generato una volta e conservato con la sua impronta SHA-256: i download serviranno sempre quei file.',
        act: 'CONSIGLIO',
      };
    default:
      return { ...base, label: to, effect: '' };
  }
}

/**
 * What the planning office can do with the periods of an edition now: the moves of the current
 * period, and opening the next one when nothing is being collected.
 */
/** A period with the states the API says it may move to now (ReportingPeriod.nextStates). */
export type MovablePeriod = PeriodLike & { nextStates: readonly PeriodState[] };

export function periodActions(
  periods: readonly MovablePeriod[],
  current: MovablePeriod | null,
  edition: { startYear: number; endYear: number },
): PeriodAction[] {
  const actions: PeriodAction[] = [];
  const next = periodToOpen(periods, edition);
  if (current && current.state !== 'PLANNED') {
    actions.push(...current.nextStates.map((to) => transition(current.cutoffDate, to)));
  }
  // An earlier period may still wait for its acts while the next one is being collected.
  for (const earlier of periods) {
    if (earlier.cutoffDate === current?.cutoffDate || (earlier.state !== 'IN_REVIEW' && earlier.state !== 'NOTED_BY_GIUNTA')) continue;
    const forward = transition(earlier.cutoffDate, earlier.state === 'IN_REVIEW' ? 'NOTED_BY_GIUNTA' : 'APPROVED_BY_COUNCIL');
    actions.push({ ...forward, label: `${forward.label} (periodo al ${formatDate(earlier.cutoffDate)})` });
  }
  if (next) {
    actions.unshift(
      next.planned
        ? transition(next.cutoffDate, 'OPEN')
        : {
            ...transition(next.cutoffDate, 'OPEN'),
            key: `${next.cutoffDate}-create`,
            create: true,
          },
    );
  }
  return actions;
}
