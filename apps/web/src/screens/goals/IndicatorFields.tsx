import { useFormContext, useWatch } from 'react-hook-form';
import { ResultStatusLabels } from '../../gql/enum-labels';
import type { ResultStatus } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { numberInText, parseItalianDecimal } from '../../lib/italian-input';
import { checks, decimalForInput, previousResult, targetText, type FormIndicator, type GoalFormValues } from './goal-form-model';

const STATUSES: ResultStatus[] = ['REPORTED', 'DEFERRED', 'NOT_YET_APPLICABLE', 'SUSPENDED', 'EMPTY'];

/**
 * One indicator's result: the text as it will be printed, and the value read from it. The value is
 * proposed from the text (when a number can be read without guessing) and set only when the person
 * confirms it.
 */
export function IndicatorFields({
  indicator,
  index,
  period,
  deferrals,
  disabled,
}: {
  indicator: FormIndicator;
  index: number;
  period: string;
  deferrals: string[];
  disabled: boolean;
}) {
  const { register, formState, setValue, getValues } = useFormContext<GoalFormValues>();
  const [status, text, value] = useWatch<GoalFormValues, [`results.${number}.status`, `results.${number}.text`, `results.${number}.value`]>({
    name: [`results.${index}.status`, `results.${index}.text`, `results.${index}.value`],
  });
  const errors = formState.errors.results?.[index];
  const id = (field: string) => `ind-${index}-${field}`;
  const previous = previousResult(indicator, period);
  const target = targetText(indicator, period);
  const proposed = status === 'REPORTED' && value.trim() === '' ? numberInText(text) : null;
  const parsedValue = value.trim() ? parseItalianDecimal(value) : null;

  return (
    <fieldset className="border rounded p-3 mb-3" disabled={disabled}>
      <legend className="float-none w-auto px-2 h6 mb-0">
        {indicator.name}
        {indicator.unit ? <span className="text-muted fw-normal"> ({indicator.unit})</span> : null}
      </legend>
      <dl className="row small mb-4">
        {indicator.groupLabel ? (
          <>
            <dt className="col-sm-3">Gruppo</dt>
            <dd className="col-sm-9">{indicator.groupLabel}</dd>
          </>
        ) : null}
        <dt className="col-sm-3">Valore atteso {period.slice(0, 4)}</dt>
        <dd className="col-sm-9">{target ?? 'non indicato'}</dd>
        <dt className="col-sm-3">Risultato precedente</dt>
        <dd className="col-sm-9 pre-wrap">
          {previous ? `${previous.text || ResultStatusLabels[previous.status]} (al ${formatDate(previous.period)})` : 'nessuno'}
        </dd>
      </dl>
      <div className="row gx-3 gy-4">
        <div className="col-12 col-md-4">
          <div className="select-wrapper">
            <label htmlFor={id('status')}>Esito</label>
            <select id={id('status')} {...register(`results.${index}.status`)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ResultStatusLabels[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {status === 'DEFERRED' ? (
          <div className="col-12 col-md-4">
            <div className="select-wrapper">
              <label htmlFor={id('deferredTo')}>Dato rinviato al</label>
              <select
                id={id('deferredTo')}
                aria-invalid={errors?.deferredTo ? true : undefined}
                aria-describedby={errors?.deferredTo ? id('deferredTo-error') : undefined}
                {...register(`results.${index}.deferredTo`, {
                  validate: (v, all) => all.results[index].status !== 'DEFERRED' || v !== '' || 'Scegliere la scadenza del rinvio.',
                })}
              >
                <option value="">Scegliere…</option>
                {deferrals.map((d) => (
                  <option key={d} value={d}>
                    {formatDate(d)}
                  </option>
                ))}
              </select>
              {errors?.deferredTo ? (
                <div id={id('deferredTo-error')} className="invalid-feedback d-block">
                  {errors.deferredTo.message}
                </div>
              ) : null}
            </div>
          </div>
        ) : null}
        <div className="col-12">
          <div className="form-group mb-0">
            <label htmlFor={id('text')} className="active">
              Risultato al {formatDate(period)}
            </label>
            <textarea
              id={id('text')}
              rows={2}
              className={`form-control${errors?.text ? ' is-invalid' : ''}`}
              aria-invalid={errors?.text ? true : undefined}
              aria-describedby={[id('text-hint'), errors?.text && id('text-error')].filter(Boolean).join(' ')}
              {...register(`results.${index}.text`, {
                validate: (v, all) => checks.resultText(v, all.results[index].status),
                // Writing a result of a blank indicator means it is being reported.
                onChange: (e: { target: { value: string } }) => {
                  if (getValues(`results.${index}.status`) === 'EMPTY' && e.target.value.trim() !== '') {
                    setValue(`results.${index}.status`, 'REPORTED', { shouldDirty: true });
                  }
                },
              })}
            />
            <small id={id('text-hint')} className="form-text">
              Come sarà stampato nel rapporto (es. «1.250 pratiche, pari al 60,5%»).
            </small>
            {errors?.text ? (
              <div id={id('text-error')} className="invalid-feedback d-block">
                {errors.text.message}
              </div>
            ) : null}
          </div>
        </div>
        <div className="col-12 col-md-4">
          <div className="form-group mb-0">
            <label htmlFor={id('value')} className="active">
              Valore numerico
            </label>
            <input
              id={id('value')}
              type="text"
              inputMode="decimal"
              className={`form-control${errors?.value ? ' is-invalid' : ''}`}
              aria-invalid={errors?.value ? true : undefined}
              aria-describedby={[id('value-hint'), errors?.value && id('value-error')].filter(Boolean).join(' ')}
              {...register(`results.${index}.value`, { validate: checks.value })}
            />
            <small id={id('value-hint')} className="form-text">
              Facoltativo; con la virgola per i decimali.{parsedValue?.ok ? ` Registrato come ${decimalForInput(parsedValue.value)}.` : ''}
            </small>
            {errors?.value ? (
              <div id={id('value-error')} className="invalid-feedback d-block">
                {errors.value.message}
              </div>
            ) : null}
          </div>
        </div>
        <div className="col-12 col-md-8 d-flex align-items-end" aria-live="polite">
          {proposed !== null ? (
            <p className="mb-0">
              Nel testo c'è il numero <strong>{decimalForInput(proposed)}</strong>.{' '}
              <button
                type="button"
                className="btn btn-sm btn-outline-primary ms-1"
                onClick={() => setValue(`results.${index}.value`, decimalForInput(proposed), { shouldDirty: true, shouldValidate: true })}
              >
                Usa {decimalForInput(proposed)} come valore
              </button>
            </p>
          ) : null}
        </div>
      </div>
    </fieldset>
  );
}
