import { useFormContext, useWatch } from 'react-hook-form';
import { Markdown } from '../../components/Markdown';
import { StateBadge } from '../../components/StateBadge';
import { DeclaredStateLabels } from '../../gql/enum-labels';
import type { DeclaredState } from '../../gql/graphql';
import { formatDate, formatPercent } from '../../lib/format';
import { checks, unchangedFromPrevious, type FormGoal, type GoalFormValues } from './goal-form-model';

const STATES = Object.keys(DeclaredStateLabels) as DeclaredState[];
const ORDER: DeclaredState[] = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'DEFERRED', 'SUSPENDED', 'CANCELLED'];

/** The goal's status: last period's text beside this period's, the declared state, percent and deferral. */
export function StatusFields({ goal, period, deferrals, disabled }: { goal: FormGoal; period: string; deferrals: string[]; disabled: boolean }) {
  const { register, formState, setValue, getValues } = useFormContext<GoalFormValues>();
  const [narrative, state] = useWatch<GoalFormValues, ['narrative', 'declaredState']>({ name: ['narrative', 'declaredState'] });
  const previous = goal.previousStatus;
  const errors = formState.errors;
  const unchanged = unchangedFromPrevious(narrative, previous?.narrative);
  const describe = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <fieldset className="mb-4" disabled={disabled}>
      <legend className="h4">Stato di attuazione al {formatDate(period)}</legend>
      <div className="row g-4">
        <div className="col-12 col-lg-6">
          <h3 className="h6 text-uppercase text-muted">
            Periodo precedente{previous ? ` (${previous.asOfLabel || `al ${formatDate(previous.period)}`})` : ''}
          </h3>
          {previous ? (
            <div className="border rounded p-3 bg-light previous-status">
              <p className="mb-2">
                <StateBadge state={previous.declaredState} reported />
                {previous.percentComplete ? <span className="ms-2">{formatPercent(previous.percentComplete)}</span> : null}
              </p>
              <Markdown source={previous.narrative || '—'} />
            </div>
          ) : (
            <p className="text-muted">Nessuno stato di attuazione nei periodi precedenti.</p>
          )}
          {previous?.narrative ? (
            <button
              type="button"
              className="btn btn-sm btn-outline-primary mt-2"
              onClick={() => {
                if (getValues('narrative').trim() === '' || window.confirm('Sostituire il testo scritto con quello del periodo precedente?')) {
                  setValue('narrative', previous.narrative, { shouldDirty: true, shouldValidate: true });
                }
              }}
            >
              Parti dal testo precedente
            </button>
          ) : null}
        </div>
        <div className="col-12 col-lg-6">
          <div className="form-group mb-2">
            <label htmlFor="narrative" className="active">
              Stato di attuazione al {formatDate(period)}
            </label>
            <textarea
              id="narrative"
              rows={12}
              className={`form-control${errors.narrative ? ' is-invalid' : ''}`}
              aria-invalid={errors.narrative ? true : undefined}
              aria-describedby={describe('narrative-hint', errors.narrative && 'narrative-error', unchanged && 'narrative-unchanged')}
              {...register('narrative', { validate: (v, all) => checks.narrative(v, all.declaredState) })}
            />
            <small id="narrative-hint" className="form-text">
              Che cosa è stato fatto nel periodo. Elenchi con «- » all'inizio della riga, grassetto tra **asterischi**.
            </small>
            {errors.narrative ? (
              <div id="narrative-error" className="invalid-feedback d-block">
                {errors.narrative.message}
              </div>
            ) : null}
          </div>
          <div aria-live="polite">
            {unchanged ? (
              <div id="narrative-unchanged" className="alert alert-warning py-2">
                Il testo è uguale a quello del periodo precedente: aggiornarlo con lo stato al {formatDate(period)}.
              </div>
            ) : null}
          </div>
        </div>
      </div>
      <div className="row gx-3 gy-4 mt-2">
        <div className="col-12 col-md-4">
          <div className="select-wrapper">
            <label htmlFor="declaredState">Stato dichiarato</label>
            <select
              id="declaredState"
              aria-invalid={errors.declaredState ? true : undefined}
              aria-describedby={errors.declaredState ? 'declaredState-error' : undefined}
              {...register('declaredState', { required: 'Scegliere lo stato della finalità.' })}
            >
              <option value="">Scegliere…</option>
              {ORDER.filter((s) => STATES.includes(s)).map((s) => (
                <option key={s} value={s}>
                  {DeclaredStateLabels[s]}
                </option>
              ))}
            </select>
            {errors.declaredState ? (
              <div id="declaredState-error" className="invalid-feedback d-block">
                {errors.declaredState.message}
              </div>
            ) : null}
          </div>
        </div>
        <div className="col-12 col-md-4">
          <div className="form-group mb-0">
            <label htmlFor="percent" className="active">
              Percentuale di completamento
            </label>
            <input
              id="percent"
              type="text"
              inputMode="decimal"
              className={`form-control${errors.percent ? ' is-invalid' : ''}`}
              aria-invalid={errors.percent ? true : undefined}
              aria-describedby={describe('percent-hint', errors.percent && 'percent-error')}
              {...register('percent', { validate: checks.percent })}
            />
            <small id="percent-hint" className="form-text">
              Facoltativa, da 0 a 100 (es. 60,5).
            </small>
            {errors.percent ? (
              <div id="percent-error" className="invalid-feedback d-block">
                {errors.percent.message}
              </div>
            ) : null}
          </div>
        </div>
        {state === 'DEFERRED' ? (
          <>
            <div className="col-12 col-md-4">
              <div className="select-wrapper">
                <label htmlFor="deferredTo">Rendicontazione rinviata al</label>
                <select
                  id="deferredTo"
                  aria-invalid={errors.deferredTo ? true : undefined}
                  aria-describedby={errors.deferredTo ? 'deferredTo-error' : undefined}
                  {...register('deferredTo', { validate: (v, all) => all.declaredState !== 'DEFERRED' || v !== '' || 'Scegliere la scadenza del rinvio.' })}
                >
                  <option value="">Scegliere…</option>
                  {deferrals.map((d) => (
                    <option key={d} value={d}>
                      {formatDate(d)}
                    </option>
                  ))}
                </select>
                {errors.deferredTo ? (
                  <div id="deferredTo-error" className="invalid-feedback d-block">
                    {errors.deferredTo.message}
                  </div>
                ) : null}
              </div>
            </div>
            <div className="col-12">
              <div className="form-group mb-0">
                <label htmlFor="deferralText" className="active">
                  Frase di rinvio (facoltativa)
                </label>
                <input id="deferralText" type="text" className="form-control" {...register('deferralText')} />
                <small className="form-text">Come apparirà nel rapporto, es. «Si rinvia la rendicontazione al 31/12/2020».</small>
              </div>
            </div>
          </>
        ) : null}
      </div>
    </fieldset>
  );
}
