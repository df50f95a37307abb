import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, type CombinedError } from 'urql';
import { Announcement } from '../../components/Announcement';
import { ErrorAlert } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import type { Edition } from '../../components/useEditionPeriod';
import { PeriodStateLabels } from '../../gql/enum-labels';
import { firstProblem } from '../../graphql/errors';
import { formatDate } from '../../lib/format';
import { ReopenReportingPeriodMutation } from './progress-queries';

/**
 * The administrator reopens a period whose collection is closed (up to an approved one), with a
 * reason: it becomes a new revision; the files approved for the previous one stay downloadable.
 */
export default function PeriodReopen({ edition }: { edition: Edition }) {
  const reopenable = edition.periods.filter((p) => p.reopenable);
  const [chosen, setChosen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (reopenable.length === 0 && !done) return null;
  return (
    <section aria-labelledby="riapertura-periodo" className="mb-4">
      <h2 id="riapertura-periodo" className="h4">
        Riapertura di un periodo
      </h2>
      <Announcement>{done}</Announcement>
      {chosen ? (
        <ReopenForm
          edition={edition.code}
          cutoffDate={chosen}
          onCancel={() => setChosen(null)}
          onDone={(message) => {
            setChosen(null);
            setDone(message);
          }}
        />
      ) : (
        <div className="d-flex flex-wrap gap-2">
          {reopenable.map((p) => (
            <button key={p.cutoffDate} type="button" className="btn btn-outline-danger" onClick={() => setChosen(p.cutoffDate)}>
              Riapri il periodo al {formatDate(p.cutoffDate)} ({PeriodStateLabels[p.state].toLowerCase()})
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function ReopenForm({ edition, cutoffDate, onCancel, onDone }: { edition: string; cutoffDate: string; onCancel(): void; onDone(message: string): void }) {
  const [state, reopen] = useMutation(ReopenReportingPeriodMutation);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const when = formatDate(cutoffDate);
  const onSubmit = handleSubmit(async ({ reason }) => {
    setFailure(null);
    const result = await reopen({ edition, cutoffDate, reason: reason.trim() });
    if (result.error) {
      const problem = firstProblem(result.error);
      if (problem?.field === 'reason') setError('reason', { message: problem.message }, { shouldFocus: true });
      else setFailure(result.error);
      return;
    }
    onDone(`Il periodo al ${when} è di nuovo aperto come revisione ${result.data?.reopenReportingPeriod.revision}.`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card card-bg no-after border-start border-4 border-danger" aria-labelledby="conferma-riapertura">
      <div className="card-body">
        <h3 id="conferma-riapertura" className="h5">
          Riapri il periodo al {when}
        </h3>
        <p className="before-fields">
          Il periodo torna aperto come nuova revisione: i dirigenti potranno di nuovo inserire i dati. I documenti approvati della revisione precedente restano
          scaricabili e verificabili.
        </p>
        <ErrorAlert error={failure} />
        <TextField
          id="riapertura-motivo"
          label="Motivo della riapertura"
          error={formState.errors.reason?.message}
          registration={register('reason', { validate: (v) => v.trim().length >= 10 || 'Indicare il motivo della riapertura (almeno 10 caratteri).' })}
        />
        <div className="d-flex flex-wrap gap-2 mt-2">
          <button type="submit" className="btn btn-danger" disabled={state.fetching}>
            {state.fetching ? 'Riapertura…' : 'Riapri il periodo'}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel} disabled={state.fetching}>
            Annulla
          </button>
        </div>
      </div>
    </form>
  );
}
