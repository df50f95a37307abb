import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, type CombinedError } from 'urql';
import { Announcement } from '../../components/Announcement';
import { ErrorAlert } from '../../components/Feedback';
import type { Period } from '../../components/useEditionPeriod';
import type { ReviewDecision as Decision } from '../../gql/graphql';
import { firstProblem } from '../../graphql/errors';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import type { DepartmentProgress } from '../home/ProgressTable';
import { ReviewStateBadge } from '../home/ReviewStateBadge';
import { ReviewDepartmentMutation } from './review-queries';

/** The server's limit on the comment (MAX_TEXT of @dup/plan-write). */
const MAX_COMMENT = 10_000;

/** What the department submitted, and the planning office's decision on it. */
export function ReviewDecision({ edition, period, progress }: { edition: string; period: Period; progress: DepartmentProgress }) {
  const { department, review } = progress;
  const [decision, decide] = useMutation(ReviewDepartmentMutation);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState, setError, clearErrors, reset, getValues } = useForm<{ comment: string }>({ defaultValues: { comment: '' } });
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const writable = period.state === 'OPEN' || period.state === 'IN_REVIEW';
  const canAccept = writable && review?.state === 'SUBMITTED';
  const canReturn = writable && (review?.state === 'SUBMITTED' || review?.state === 'ACCEPTED');

  const send = (choice: Decision) =>
    handleSubmit(async ({ comment }) => {
      setFailure(null);
      setOutcome(null);
      if (choice === 'RETURN' && comment.trim() === '') {
        setError('comment', { message: 'Indicare il commento per il settore: è obbligatorio per restituire le finalità.' }, { shouldFocus: true });
        return;
      }
      const result = await decide({ edition, period: period.cutoffDate, departmentCode: department.code, decision: choice, comment: comment.trim() || null });
      if (result.error) {
        const problem = firstProblem(result.error);
        if (problem?.field === 'comment') setError('comment', { message: problem.message }, { shouldFocus: true });
        else setFailure(result.error);
        return;
      }
      reset({ comment: '' });
      setOutcome(
        choice === 'ACCEPT'
          ? `Finalità del settore ${department.name} accettate.`
          : `Finalità del settore ${department.name} restituite con il commento: il dirigente lo vede nella sua home.`,
      );
    });

  const commentError = formState.errors.comment?.message;
  return (
    <section aria-labelledby="invio-settore" className="mb-5">
      <h2 id="invio-settore" className="h4">
        Invio del settore al {formatDate(period.cutoffDate)}
      </h2>
      <Announcement ref={outcomeRef}>{outcome}</Announcement>
      {review ? (
        <dl className="review-facts">
          <dt>Stato</dt>
          <dd>
            <ReviewStateBadge review={review} withDate={false} />
          </dd>
          <dt>Inviato</dt>
          <dd>
            da {review.submittedBy} il {formatDateTime(review.submittedAt)}
          </dd>
          {review.missingGoalsAtSubmission != null ? (
            <>
              <dt>Mancanti all’invio</dt>
              <dd>
                {formatCount(review.missingGoalsAtSubmission, 'finalità senza stato', 'finalità senza stato')},{' '}
                {formatCount(review.missingIndicatorsAtSubmission ?? 0, 'indicatore senza risultato', 'indicatori senza risultato')}
              </dd>
            </>
          ) : null}
          {review.submissionNote ? (
            <>
              <dt>Nota del settore</dt>
              <dd>
                <blockquote className="submission-note pre-wrap mb-0">{review.submissionNote}</blockquote>
              </dd>
            </>
          ) : null}
          {review.reviewedAt ? (
            <>
              <dt>Ultima decisione</dt>
              <dd>
                da {review.reviewedBy} il {formatDateTime(review.reviewedAt)}
                {review.comment ? <blockquote className="pre-wrap mt-1 mb-0">{review.comment}</blockquote> : null}
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>Il settore non ha ancora inviato le finalità in revisione per questo periodo.</p>
      )}
      <p className="small">
        Oggi: {formatCount(progress.goalsLed - progress.goalsLedWithStatus, 'finalità capofila senza stato', 'finalità capofila senza stato')},{' '}
        {formatCount(progress.indicators - progress.indicatorsWithResult, 'indicatore senza risultato', 'indicatori senza risultato')}.
      </p>
      {canAccept || canReturn ? (
        <form noValidate onSubmit={(e) => e.preventDefault()} className="card card-bg no-after" aria-labelledby="decisione">
          <div className="card-body">
            <h3 id="decisione" className="h5 before-fields">
              Decisione
            </h3>
            <ErrorAlert error={failure} />
            <div className="form-group mb-3">
              <label htmlFor="commento-revisione" className="active">
                Commento per il settore
              </label>
              <textarea
                id="commento-revisione"
                rows={4}
                maxLength={MAX_COMMENT}
                className={`form-control${commentError ? ' is-invalid' : ''}`}
                aria-invalid={commentError ? true : undefined}
                aria-describedby={`commento-revisione-hint${commentError ? ' commento-revisione-error' : ''}`}
                {...register('comment', { onChange: () => getValues('comment').trim() && clearErrors('comment') })}
              />
              <small id="commento-revisione-hint" className="form-text">
                Obbligatorio per restituire: il dirigente lo legge nella sua home. Facoltativo per accettare.
              </small>
              {commentError ? (
                <div id="commento-revisione-error" className="invalid-feedback d-block">
                  {commentError}
                </div>
              ) : null}
            </div>
            <div className="d-flex flex-wrap gap-2">
              {canAccept ? (
                <button type="button" className="btn btn-success" disabled={decision.fetching} onClick={send('ACCEPT')}>
                  Accetta
                </button>
              ) : null}
              <button type="button" className="btn btn-outline-danger" disabled={decision.fetching} onClick={send('RETURN')}>
                Restituisci
              </button>
            </div>
          </div>
        </form>
      ) : null}
    </section>
  );
}
