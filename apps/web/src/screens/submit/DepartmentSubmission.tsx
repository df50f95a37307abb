import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/Feedback';
import { graphql } from '../../gql';
import { ReviewStateLabels } from '../../gql/enum-labels';
import type { SubmissionProgressQuery } from '../../gql/graphql';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format';

const Submit = graphql(`
  mutation SubmitDepartment($edition: String!, $period: LocalDate!, $department: String!, $reason: String) {
    submitDepartmentForReview(edition: $edition, period: $period, departmentCode: $department, incompleteReason: $reason) {
      state
      submittedAt
    }
  }
`);

type Progress = SubmissionProgressQuery['departmentProgress'][number];

/** One department: its figures, what is missing, the review so far, and the submission. */
export function DepartmentSubmission({
  progress,
  edition,
  period,
  collecting,
  onSubmitted,
}: {
  progress: Progress;
  edition: string;
  period: string;
  collecting: boolean;
  onSubmitted(): void;
}) {
  const { department, review, missingGoals, missingIndicators } = progress;
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [result, submit] = useMutation(Submit);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const missing = missingGoals.length + missingIndicators.length;
  const canSubmit = collecting && (!review || review.state === 'RETURNED');
  const headingId = `settore-${department.code}`;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const send = async () => {
    if (missing > 0 && reason.trim() === '') {
      setReasonError("Indicare perché si invia con dati mancanti: il motivo è registrato con l'invio.");
      return;
    }
    setReasonError(null);
    const res = await submit({ edition, period, department: department.code, reason: missing > 0 ? reason.trim() : null });
    if (res.data) {
      setConfirming(false);
      setDone(true);
      onSubmitted();
    }
  };

  return (
    <section className="card card-bg no-after mb-4" aria-labelledby={headingId}>
      <div className="card-body">
        <h2 id={headingId} className="h4">
          {department.name}
        </h2>
        <ul className="list-unstyled mb-3">
          <li>
            Finalità capofila con lo stato al {formatDate(period)}: <strong>{formatInteger(progress.goalsLedWithStatus)}</strong> su{' '}
            {formatInteger(progress.goalsLed)}
          </li>
          <li>
            Indicatori con il risultato: <strong>{formatInteger(progress.indicatorsWithResult)}</strong> su {formatInteger(progress.indicators)}
          </li>
          <li>
            Contributi alle finalità in cui il settore è coinvolto: <strong>{formatInteger(progress.contributions)}</strong> su{' '}
            {formatInteger(progress.goalsInvolved)}
          </li>
        </ul>
        {review ? (
          <div className={`alert ${review.state === 'RETURNED' ? 'alert-warning' : review.state === 'ACCEPTED' ? 'alert-success' : 'alert-info'}`}>
            <p className="mb-1 fw-semibold">
              {ReviewStateLabels[review.state]} — inviato da {review.submittedBy} il {formatDateTime(review.submittedAt)}
              {review.reviewedAt ? `; esaminato da ${review.reviewedBy} il ${formatDateTime(review.reviewedAt)}` : ''}.
            </p>
            {review.comment ? <p className="mb-1 pre-wrap">Commento dell'ufficio programmazione: {review.comment}</p> : null}
            {review.submissionNote ? <p className="mb-0 pre-wrap">Nota dell'invio: {review.submissionNote}</p> : null}
          </div>
        ) : null}

        <h3 className="h5">Che cosa manca</h3>
        {missing === 0 ? <p>Non manca nulla: tutte le finalità capofila hanno lo stato e tutti gli indicatori il risultato.</p> : null}
        {missingGoals.length > 0 ? (
          <>
            <p className="mb-1">Finalità senza stato di attuazione ({formatInteger(missingGoals.length)}):</p>
            <ul>
              {missingGoals.map((g) => (
                <li key={g.id}>
                  <Link to={`/finalita/${g.id}?periodo=${period}`}>
                    {g.operationalObjective.code} · {g.position}. {g.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {missingIndicators.length > 0 ? (
          <>
            <p className="mb-1">Indicatori senza risultato ({formatInteger(missingIndicators.length)}):</p>
            <ul>
              {missingIndicators.map((i) => (
                <li key={i.id}>
                  <Link to={`/finalita?obiettivo=${encodeURIComponent(i.objectiveCode)}&periodo=${period}`}>{i.objectiveCode}</Link>
                  {i.goalPosition ? ` · finalità ${i.goalPosition}` : ''} — {i.name}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <div aria-live="polite">
          {done ? (
            <div ref={doneRef} tabIndex={-1} className="alert alert-success">
              Finalità del settore {department.name} inviate all'ufficio programmazione.
            </div>
          ) : null}
        </div>
        <ErrorAlert error={result.error} title="Invio non riuscito." />
        {canSubmit && !confirming ? (
          <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
            Invia alla revisione
          </button>
        ) : null}
        {confirming ? (
          <div className="border rounded p-3">
            <h3 ref={confirmRef} tabIndex={-1} className="h5">
              Confermare l'invio del settore {department.name}
            </h3>
            {missing > 0 ? (
              <>
                <p>
                  Mancano ancora {formatInteger(missingGoals.length)} stati di attuazione e {formatInteger(missingIndicators.length)} risultati. Si può inviare
                  lo stesso, indicando il motivo: sarà registrato con l'invio e visibile all'ufficio programmazione.
                </p>
                <div className="form-group">
                  <label htmlFor={`motivo-${department.code}`} className="active">
                    Motivo dell'invio con dati mancanti
                  </label>
                  <textarea
                    id={`motivo-${department.code}`}
                    rows={3}
                    className={`form-control${reasonError ? ' is-invalid' : ''}`}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    aria-invalid={reasonError ? true : undefined}
                    aria-describedby={reasonError ? `motivo-${department.code}-errore` : undefined}
                  />
                  {reasonError ? (
                    <div id={`motivo-${department.code}-errore`} className="invalid-feedback d-block">
                      {reasonError}
                    </div>
                  ) : null}
                </div>
              </>
            ) : (
              <p>Dopo l'invio le finalità non saranno modificabili finché l'ufficio programmazione non le restituisce.</p>
            )}
            <div className="d-flex gap-2">
              <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={result.fetching}>
                {missing > 0 ? 'Invia con dati mancanti' : "Conferma l'invio"}
              </button>
              <button type="button" className="btn btn-outline-secondary" onClick={() => setConfirming(false)}>
                Annulla
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
