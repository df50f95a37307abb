import type { UseFormRegisterReturn } from 'react-hook-form';

/** The departments a head answers for: a group of checkboxes (a long list reads better than a multiple select). */
export function DepartmentChecklist(props: {
  idPrefix: string;
  departments: readonly { code: string; name: string }[];
  registration: UseFormRegisterReturn;
  error?: string;
  legend?: string;
}) {
  const { idPrefix, departments, registration, error, legend = 'Settori del dirigente' } = props;
  return (
    <fieldset className="mb-3" aria-describedby={error ? `${idPrefix}-errore` : undefined}>
      <legend className="h6 fw-semibold">{legend}</legend>
      <div className="department-checklist">
        {departments.map((d) => (
          <div className="form-check my-1" key={d.code}>
            <input id={`${idPrefix}-${d.code}`} type="checkbox" value={d.code} {...registration} />
            <label htmlFor={`${idPrefix}-${d.code}`}>{d.name}</label>
          </div>
        ))}
      </div>
      {error ? (
        <div id={`${idPrefix}-errore`} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
