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

/** A goal's declared state; "Senza stato" when the department has not reported yet. */
export function StateBadge({ state, missingLabel = 'Senza stato' }: { state: DeclaredState | null | undefined; missingLabel?: string }) {
  if (!state) return <span className="badge bg-danger">{missingLabel}</span>;
  return <span className={`badge ${TONE[state]}`}>{DeclaredStateLabels[state]}</span>;
}
