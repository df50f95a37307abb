import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/** The ids of a field's hint and error, for aria-describedby. */
const describedByOf = (id: string, hint: ReactNode, error: string | undefined) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/** A field's hint and error message, with the ids describedByOf names. */
function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </>
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: ReactNode;
}

/** A labelled input with its hint and error wired for assistive technology. */
export function TextField({ id, label, registration, error, hint, className = '', ...input }: FieldProps) {
  const describedBy = describedByOf(id, hint, error);
  return (
    <div className={`form-group ${className}`}>
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input
        id={id}
        type="text"
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
        {...registration}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

interface SelectProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  options: readonly { value: string; label: string }[];
  /** First option with an empty value ("Tutti i settori", "Scegliere…"). */
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

/** A labelled drop-down of the design system, with its hint and error wired like TextField's. */
export function SelectField({ id, label, registration, options, placeholder, error, hint, className = '' }: SelectProps) {
  const describedBy = describedByOf(id, hint, error);
  return (
    <div className={`select-wrapper mb-3 ${className}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...registration}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
