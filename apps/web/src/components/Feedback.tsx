import { Spinner } from 'design-react-kit';
import type { CombinedError } from 'urql';
import { problemsOf } from '../graphql/errors';

/** The API's Italian error messages, announced to screen readers. */
export function ErrorAlert({ error, title }: { error: CombinedError | undefined | null; title?: string }) {
  const problems = problemsOf(error);
  if (problems.length === 0) return null;
  return (
    <div className="alert alert-danger" role="alert">
      {title ? <p className="fw-semibold mb-1">{title}</p> : null}
      {problems.map((p, i) => (
        <p className="mb-0" key={i}>
          {p.message}
        </p>
      ))}
    </div>
  );
}

export function Loading({ label = 'Caricamento in corso…' }: { label?: string }) {
  return (
    <div className="d-flex align-items-center gap-2 my-4" role="status">
      <Spinner active small label="" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function SuccessAlert({ children }: { children: React.ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}
