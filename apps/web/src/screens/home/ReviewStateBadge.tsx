import { ReviewStateLabels } from '../../gql/enum-labels';
import type { ReviewState } from '../../gql/graphql';
import { formatDate } from '../../lib/format';

const TONE: Record<ReviewState, string> = {
  SUBMITTED: 'bg-primary',
  RETURNED: 'bg-warning text-dark',
  ACCEPTED: 'bg-success',
};

export interface ReviewSummary {
  state: ReviewState;
  submittedAt: string;
  reviewedAt?: string | null;
}

/** A department's review state for a period, with the date of its last step. */
export function ReviewStateBadge({ review, withDate = true }: { review: ReviewSummary | null | undefined; withDate?: boolean }) {
  if (!review) return <span className="badge bg-light text-dark border">Non inviato</span>;
  const date = review.state === 'SUBMITTED' ? review.submittedAt : (review.reviewedAt ?? review.submittedAt);
  return (
    <span className="text-nowrap">
      <span className={`badge ${TONE[review.state]}`}>{ReviewStateLabels[review.state]}</span>
      {withDate ? <span className="ms-1 small">il {formatDate(date)}</span> : null}
    </span>
  );
}
