import { useForm } from 'react-hook-form';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Feedback';
import type { AuditChoicesQuery, EditionsQuery } from '../../gql/graphql';
import { SelectField, TextField } from '../../components/fields';
import { formatDate } from '../../lib/format';
import { EditionsQuery as EditionsDocument } from '../plan/plan-queries';
import { fromForm, toForm, type AuditFilterForm, type AuditFilterValues } from './audit-filter';
import { AuditChoicesQuery as AuditChoicesDocument } from './audit-queries';

const EMPTY: AuditFilterValues = { settore: '', obiettivo: '', utente: '', operazione: '', periodo: '', dal: '', al: '' };

/** The trail's criteria; applied on submit (the address then keeps them). */
export function AuditFilters(props: { values: AuditFilterValues; onApply(values: AuditFilterValues): void }) {
  const [choices] = useQuery({ query: AuditChoicesDocument });
  const [editions] = useQuery({ query: EditionsDocument });
  // The drop-downs take the address' values only once their options exist.
  if (choices.error || editions.error) return <ErrorAlert error={choices.error ?? editions.error} />;
  if (!choices.data || !editions.data) return <Loading label="Caricamento dei filtri…" />;
  return <FilterForm {...props} choices={choices.data} editions={editions.data} />;
}

function FilterForm(props: { values: AuditFilterValues; onApply(values: AuditFilterValues): void; choices: AuditChoicesQuery; editions: EditionsQuery }) {
  const { values, onApply, choices, editions } = props;
  // The form follows the address (back/forward, a shared link).
  const { register, handleSubmit, formState, setError, reset } = useForm<AuditFilterForm>({ values: toForm(values) });
  const periods = [...new Set(editions.planEditions.flatMap((e) => e.periods.map((p) => p.cutoffDate)))].sort().reverse();

  const onSubmit = handleSubmit((form) => {
    const read = fromForm(form);
    if ('errors' in read) {
      for (const [field, message] of Object.entries(read.errors)) setError(field as 'dal' | 'al', { message }, { shouldFocus: true });
      return;
    }
    onApply(read.values);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="filtri-registro" className="mb-4">
      <h2 id="filtri-registro" className="h5 before-fields">
        Filtri
      </h2>
      <div className="row g-3">
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            id="filtro-settore"
            label="Settore"
            placeholder="Tutti i settori"
            options={choices.departments.map((d) => ({ value: d.code, label: d.name }))}
            registration={register('settore')}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <TextField
            id="filtro-obiettivo"
            label="Codice dell'obiettivo"
            hint="Strategico (7.01) od operativo (7.01.01)."
            registration={register('obiettivo')}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <TextField
            id="filtro-utente"
            label="Utente"
            hint="Nome utente dell'autore, es. programmazione."
            autoComplete="off"
            registration={register('utente')}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            id="filtro-operazione"
            label="Operazione"
            placeholder="Tutte le operazioni"
            options={choices.auditOperations.map((o) => ({ value: o.code, label: o.label }))}
            registration={register('operazione')}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            id="filtro-periodo"
            label="Periodo di rendicontazione"
            placeholder="Tutti i periodi"
            options={periods.map((p) => ({ value: p, label: `Al ${formatDate(p)}` }))}
            registration={register('periodo')}
          />
        </div>
        <div className="col-6 col-lg-2">
          <TextField id="filtro-dal" label="Dal" hint="gg/mm/aaaa" inputMode="numeric" error={formState.errors.dal?.message} registration={register('dal')} />
        </div>
        <div className="col-6 col-lg-2">
          <TextField
            id="filtro-al"
            label="Al (incluso)"
            hint="gg/mm/aaaa"
            inputMode="numeric"
            error={formState.errors.al?.message}
            registration={register('al')}
          />
        </div>
      </div>
      <div className="d-flex flex-wrap gap-2 mt-2">
        <button type="submit" className="btn btn-primary">
          Applica i filtri
        </button>
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => {
            reset(toForm(EMPTY));
            onApply(EMPTY);
          }}
        >
          Azzera i filtri
        </button>
      </div>
    </form>
  );
}
