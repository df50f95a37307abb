import { Badge } from 'design-react-kit';
import { DeclaredStateLabels } from '../gql/enum-labels';
import type { DeclaredState } from '../gql/graphql';

const TONE: Record<DeclaredState, { color: string; className?: string }> = {
  COMPLETED: { color: 'success' },
  IN_PROGRESS: { color: 'primary' },
  NOT_STARTED: { color: 'secondary' },
  DEFERRED: { color: 'warning', className: 'text-dark' },
  SUSPENDED: { color: 'warning', className: 'text-dark' },
  CANCELLED: { color: 'dark' },
};

/** A goal's declared state; "Senza stato" when the department has not reported at all. */
export function StateBadge({ state, reported = false }: { state: DeclaredState | null | undefined; reported?: boolean }) {
  // A status imported from a document may have a narrative and no declared state.
  if (!state && reported)
    return (
      <Badge color="light" className="text-dark border">
        Stato non dichiarato
      </Badge>
    );
  if (!state) return <Badge color="danger">Senza stato</Badge>;
  return (
    <Badge color={TONE[state].color} className={TONE[state].className}>
      {DeclaredStateLabels[state]}
    </Badge>
  );
}
