import { DeclaredStateLabels } from '../gql/enum-labels';
import type { DeclaredState } from '../gql/graphql';

const TONE: Record<DeclaredState, string> = {
  COMPLETED: 'bg-success',
  IN_PROGRESS: 'bg-primary',
  NOT_STARTED: 'bg-secondary',
  DEFERRED: 'bg-warning text-dark',
  SUSPENDED: 'bg-warning text-dark',
  CANCELLED: 'bg-dark',
};

/** A goal's declared state; "Senza stato" when the department has not reported at all. */
export function StateBadge({ state, reported = false }: { state: DeclaredState | null | undefined; reported?: boolean }) {
  // A status imported from a document may have a narrative and no declared state.
  if (!state && reported) return <span className="badge bg-light text-dark border">Stato non dichiarato</span>;
  if (!state) return <span className="badge bg-danger">Senza stato</span>;
  return <span className={`badge ${TONE[state]}`}>{DeclaredStateLabels[state]}</span>;
}
