import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, type CombinedError } from 'urql';
import { Announcement } from '../../components/Announcement';
import { ErrorAlert } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import type { Edition, Period } from '../../components/useEditionPeriod';
import { ActKindLabels, PeriodStateLabels } from '../../gql/enum-labels';
import type { ActKind } from '../../gql/graphql';
import { firstProblem } from '../../graphql/errors';
import { formatDate } from '../../lib/format';
import { parseItalianDate } from '../../lib/italian-input';
import { periodActions, type PeriodAction } from './period-actions';
import { OpenReportingPeriodMutation, SetReportingPeriodStateMutation } from './progress-queries';

interface ActForm {
  actNumber: string;
  actDate: string;
  actKind: ActKind;
}

const ACT_KINDS = Object.entries(ActKindLabels) as [ActKind, string][];

/** The planning office moves periods along their life cycle; every move is confirmed first. */
export function PeriodManagement({ edition, period }: { edition: Edition; period: Period | null }) {
  const actions = useMemo(() => periodActions(edition.periods, period, edition), [edition, period]);
  const [chosen, setChosen] = useState<PeriodAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  return (
    <section aria-labelledby="gestione-periodo" className="mb-4">
      <h2 id="gestione-periodo" className="h4">
        Gestione del periodo
      </h2>
      <Announcement ref={doneRef}>{done}</Announcement>
      {actions.length === 0 ? (
        <p>Nessuna azione disponibile: tutti i periodi dell’edizione sono conclusi.</p>
      ) : chosen ? (
        <ConfirmAction
          key={chosen.key}
          edition={edition}
          action={chosen}
          onCancel={() => setChosen(null)}
          onDone={(message) => {
            setChosen(null);
            setDone(message);
          }}
        />
      ) : (
        <div className="d-flex flex-wrap gap-2">
          {actions.map((action, i) => (
            <button
              key={action.key}
              type="button"
              className={`btn ${i === 0 ? 'btn-primary' : 'btn-outline-primary'}`}
              onClick={() => {
                setDone(null);
                setChosen(action);
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function ConfirmAction({ edition, action, onCancel, onDone }: { edition: Edition; action: PeriodAction; onCancel(): void; onDone(message: string): void }) {
  const [opening, open] = useMutation(OpenReportingPeriodMutation);
  const [moving, move] = useMutation(SetReportingPeriodStateMutation);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { register, handleSubmit, formState, setError } = useForm<ActForm>({ defaultValues: { actNumber: '', actDate: '', actKind: 'DELIBERAZIONE' } });
  const when = formatDate(action.cutoffDate);
  const body = action.act === 'GIUNTA' ? 'della Giunta' : 'del Consiglio';
  useEffect(() => headingRef.current?.focus(), []);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const variables = { edition: edition.code, cutoffDate: action.cutoffDate };
    const date = parseItalianDate(values.actDate);
    const act = action.act
      ? { actNumber: values.actNumber.trim(), actDate: date.ok ? date.value : null, actKind: action.act === 'GIUNTA' ? values.actKind : null }
      : {};
    const result = action.create ? await open(variables) : await move({ ...variables, state: action.state, ...act });
    if (result.error) {
      const problem = firstProblem(result.error);
      if (problem?.field === 'actNumber' || problem?.field === 'actDate') setError(problem.field, { message: problem.message }, { shouldFocus: true });
      else setFailure(result.error);
      return;
    }
    onDone(`Il periodo al ${when} è ora «${PeriodStateLabels[action.state]}».`);
  });

  const errors = formState.errors;
  const busy = opening.fetching || moving.fetching;
  return (
    <form onSubmit={onSubmit} noValidate className="card card-bg no-after border-start border-4 border-primary" aria-labelledby="conferma-azione">
      <div className="card-body">
        <h3 id="conferma-azione" ref={headingRef} tabIndex={-1} className="h5 page-heading">
          {action.label.startsWith('Apri') ? action.label : `${action.label} — periodo al ${when}`}
        </h3>
        <p className={action.act ? 'before-fields' : undefined}>{action.effect}</p>
        <ErrorAlert error={failure} />
        {action.act ? (
          <fieldset className="row g-3">
            <legend className="visually-hidden">Atto {body}</legend>
            {action.act === 'GIUNTA' ? (
              <div className="col-12 col-md-4">
                <div className="select-wrapper">
                  <label htmlFor="atto-tipo">Tipo di atto</label>
                  <select id="atto-tipo" {...register('actKind')}>
                    {ACT_KINDS.map(([kind, label]) => (
                      <option key={kind} value={kind}>
                        {label}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            ) : null}
            <div className="col-12 col-md-4">
              <TextField
                id="atto-numero"
                label={`Numero dell’atto ${body}`}
                error={errors.actNumber?.message}
                registration={register('actNumber', { validate: (v) => v.trim() !== '' || `Indicare il numero dell’atto ${body}.` })}
              />
            </div>
            <div className="col-12 col-md-4">
              <TextField
                id="atto-data"
                label={`Data dell’atto ${body}`}
                hint="gg/mm/aaaa, ad esempio 27/10/2020"
                inputMode="numeric"
                autoComplete="off"
                error={errors.actDate?.message}
                registration={register('actDate', {
                  validate: (v) => {
                    const parsed = parseItalianDate(v);
                    if (!parsed.ok) return v.trim() === '' ? "Indicare la data dell'atto." : parsed.message;
                    return parsed.value >= action.cutoffDate || `L’atto non può precedere la scadenza del ${when}.`;
                  },
                })}
              />
            </div>
          </fieldset>
        ) : null}
        <div className="d-flex flex-wrap gap-2 mt-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Registrazione…' : 'Conferma'}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel} disabled={busy}>
            Annulla
          </button>
        </div>
      </div>
    </form>
  );
}
