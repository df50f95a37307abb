import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The second step of a destructive action, in the page (no modal): the question takes focus so a
 * screen reader reads it, and the user confirms or cancels with the keyboard.
 */
export function ConfirmAction(props: { question: string; children?: ReactNode; confirmLabel: string; busy?: boolean; onConfirm(): void; onCancel(): void }) {
  const { question, children, confirmLabel, busy = false, onConfirm, onCancel } = props;
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="alert alert-warning" role="group" aria-label="Conferma">
      <p ref={ref} tabIndex={-1} className="fw-semibold mb-1 confirm-question">
        {question}
      </p>
      {children ? <div className="mb-2">{children}</div> : null}
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-danger btn-sm" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel} disabled={busy}>
          Annulla
        </button>
      </div>
    </div>
  );
}
